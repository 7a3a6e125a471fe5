#include "native_args.h"

#include <cstdlib>
#include <cstring>

namespace bplab {
namespace {

// The flags that take a text value, and where it goes.
struct TextFlag {
  const char* name;
  std::string NativeArgs::*value;
};
constexpr TextFlag kTextFlags[] = {
    {"--screenshot", &NativeArgs::screenshot}, {"--font", &NativeArgs::font},
    {"--hash", &NativeArgs::hash},             {"--export-dir", &NativeArgs::export_dir},
    {"--lessons", &NativeArgs::lessons},       {"--lesson", &NativeArgs::lesson},
};

const TextFlag* find_text_flag(const char* name) {
  for (const TextFlag& f : kTextFlags)
    if (std::strcmp(name, f.name) == 0) return &f;
  return nullptr;
}

}  // namespace

const char kNativeUsage[] =
    "usage: bplab-lab [--frames N] [--screenshot FILE.png] [--font FILE.ttf] "
    "[--hash SETTINGS] [--export-dir DIR] [--lessons DIR] [--lesson ID]\n"
    "       bplab-lab --check-lessons FILE.json…  (check lesson files; opens no window)\n";

bool parse_native_args(int argc, const char* const* argv, NativeArgs* args) {
  for (int i = 1; i < argc; ++i) {
    if (i + 1 == argc) return false;  // every flag takes a value
    if (std::strcmp(argv[i], "--frames") == 0) {
      char* end = nullptr;
      args->frames = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || args->frames <= 0) return false;
    } else if (const TextFlag* flag = find_text_flag(argv[i])) {
      args->*(flag->value) = argv[++i];
    } else {
      return false;
    }
  }
  return args->screenshot.empty() || args->frames > 0;
}

int native_swap_interval(const NativeArgs& args, int app_interval) { return args.frames > 0 ? 0 : app_interval; }

}  // namespace bplab
