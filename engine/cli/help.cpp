#include "help.h"

#include <cstring>
#include <string>

namespace bp::cli {
namespace {

// Characters on screen: UTF-8 continuation bytes (10xxxxxx) take no column of their own.
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Prints text word-wrapped to 80 columns, every line indented by 6 spaces.
void print_wrapped(const std::string& text, std::FILE* to) {
  const std::size_t indent = 6, width = 80;
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(pos, end - pos);
    if (!line.empty() && indent + columns(line) + 1 + columns(word) > width) {
      std::fprintf(to, "%*s%s\n", int(indent), "", line.c_str());
      line.clear();
    }
    if (!word.empty()) line += (line.empty() ? "" : " ") + word;
    pos = end + 1;
  }
  if (!line.empty()) std::fprintf(to, "%*s%s\n", int(indent), "", line.c_str());
}

}  // namespace

void print_usage(const std::vector<const Command*>& commands, std::FILE* to) {
  std::fprintf(to,
               "bplab - Backprop Lab on the command line\n"
               "\n"
               "Usage: bplab <command> [flags]\n"
               "       bplab <command> --help    flags and defaults of one command\n"
               "\n"
               "Commands:\n");
  for (const Command* c : commands) std::fprintf(to, "  %-7s %s\n", c->name, c->summary);
  std::fprintf(to,
               "\n"
               "Flags are written \"--name value\". Exit codes: 0 success, 1 bad input (a model or\n"
               "data file, or a computation that cannot be done), 2 bad command line.\n");
}

void print_command_help(const Command& command, std::FILE* to) {
  std::fprintf(to, "Usage: bplab %s %s\n\n%s\n\nFlags:\n", command.name, command.synopsis,
               command.summary);
  for (const FlagSpec& f : command.flags) {
    if (f.kind == FlagKind::Switch)
      std::fprintf(to, "  --%s\n", f.name);
    else
      std::fprintf(to, "  --%s %s\n", f.name, f.value_name);
    std::string help = f.help;
    if (f.kind == FlagKind::Real || f.kind == FlagKind::Integer)
      help += " Range: " + describe_range(f.range) + ".";
    if (f.required) help += " Required.";
    if (f.fallback != nullptr) help += std::string(" Default: ") + f.fallback + ".";
    print_wrapped(help, to);
  }
  std::fprintf(to, "  --help\n      Print this help and exit.\n");
  if (std::strlen(command.details) > 0) std::fprintf(to, "\n%s\n", command.details);
}

}  // namespace bp::cli
