// bplab: the Backprop Lab engine on the command line. Dispatches to a subcommand; every failure
// ends with one line "bplab CMD: problem" on stderr and a non-zero exit code (see command.h).
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "command.h"
#include "help.h"

namespace {

using bp::cli::Command;

int dispatch(const std::vector<std::string>& args) {
  const std::vector<const Command*> commands = {&bp::cli::grad_command(), &bp::cli::train_command(),
                                                &bp::cli::bench_command(),
                                                &bp::cli::landscape_command()};
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
    bp::cli::print_usage(commands, stdout);
    return bp::cli::kExitOk;
  }
  const Command* command = nullptr;
  for (const Command* c : commands)
    if (!args.empty() && args[0] == c->name) command = c;
  if (command == nullptr) {
    if (!args.empty())
      std::fprintf(stderr, "bplab: unknown command \"%s\"\n\n", args[0].substr(0, 40).c_str());
    bp::cli::print_usage(commands, stderr);
    return bp::cli::kExitUsage;
  }

  bp::cli::Flags flags;
  const bp::Status parsed =
      bp::cli::Flags::parse(command->flags, std::vector<std::string>(args.begin() + 1, args.end()), &flags);
  if (!parsed) {
    std::fprintf(stderr, "bplab %s: %s (see bplab %s --help)\n", command->name,
                 parsed.message().c_str(), command->name);
    return bp::cli::kExitUsage;
  }
  if (flags.help_requested()) {
    bp::cli::print_command_help(*command, stdout);
    return bp::cli::kExitOk;
  }
  std::string error;
  const int code = command->run(flags, &error);
  if (code != bp::cli::kExitOk) std::fprintf(stderr, "bplab %s: %s\n", command->name, error.c_str());
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    // Inputs are size-checked before anything is allocated, so this is a bug or an exhausted
    // machine; it still ends as one line and a failure code rather than an abort.
    std::fprintf(stderr, "bplab: internal error: %s\n", e.what());
    return bp::cli::kExitBadInput;
  }
}
