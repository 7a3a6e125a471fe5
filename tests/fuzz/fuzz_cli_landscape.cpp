// Fuzzes `bplab landscape`'s flags: the input is the command line after
//   bplab landscape --model M.json --data D.csv --loss half-sse
// one argument per line (M and D: a small valid model and data file written at start-up), parsed
// by the same flag table and run by the same command as the bplab executable, its CSV going to
// /dev/null. An input with a '/' in an argument is skipped, so the harness reads only its own files.
// Invariants beyond "no crash":
//   - a command line the parser refuses gets one bounded line naming what is wrong;
//   - a run ends with 0 (the grid), 1 (bad input) or 2 (bad command line), and a failed run with
//     one bounded line, as main() prints them.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "command.h"
#include "flags.h"
#include "fuzz_check.h"

namespace {

// A 2-2-1 network and four samples: a grid of 513×513 points still takes well under a second.
constexpr const char* kModel =
    R"({"format":"bplab-model","version":1,"layers":[{"size":2},{"size":2,"activation":"tanh"},)"
    R"({"size":1,"activation":"sigmoid"}],"weights":[[[0.3,-0.2],[0.5,0.1]],[[0.7,-0.4]]],)"
    R"("biases":[[0.1,-0.1],[0.2]]})";
constexpr const char* kData = "x1,x2,t1\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n";

struct Files {
  std::string model, data;
};

const Files& files() {
  static const Files f = [] {
    char dir[] = "/tmp/fuzz-cli-XXXXXX";
    FUZZ_CHECK(mkdtemp(dir) != nullptr, "cannot make a temporary folder");
    Files made{std::string(dir) + "/m.json", std::string(dir) + "/d.csv"};
    for (const auto& [path, text] : {std::pair{made.model, kModel}, std::pair{made.data, kData}}) {
      std::FILE* out = std::fopen(path.c_str(), "w");
      FUZZ_CHECK(out != nullptr, "cannot write %s", path.c_str());
      std::fputs(text, out);
      std::fclose(out);
    }
    FUZZ_CHECK(std::freopen("/dev/null", "w", stdout) != nullptr, "cannot silence stdout");
    return made;
  }();
  return f;
}

bool one_bounded_line(const std::string& message) {
  return !message.empty() && message.size() <= fuzz::kMaxMessageBytes &&
         message.find('\n') == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Files& f = files();
  std::vector<std::string> args = {"--model", f.model, "--data", f.data, "--loss", "half-sse"};
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    const std::string arg = text.substr(start, nl - start);
    if (arg.find('/') != std::string::npos) return 0;
    args.push_back(arg);
    start = nl + 1;
  }

  const bp::cli::Command& command = bp::cli::landscape_command();
  bp::cli::Flags flags;
  const bp::Status parsed = bp::cli::Flags::parse(command.flags, args, &flags);
  if (!parsed) {
    FUZZ_CHECK(one_bounded_line(parsed.message()), "parse message: \"%s\"", parsed.message().c_str());
    return 0;
  }
  if (flags.help_requested()) return 0;
  std::string error;
  const int code = command.run(flags, &error);
  FUZZ_CHECK(code == bp::cli::kExitOk || code == bp::cli::kExitBadInput || code == bp::cli::kExitUsage,
             "exit code %d", code);
  if (code != bp::cli::kExitOk) FUZZ_CHECK(one_bounded_line(error), "run message: \"%s\"", error.c_str());
  return 0;
}
