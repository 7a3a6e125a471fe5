// A bplab subcommand: its flags, its help text and the function that runs it.
#pragma once
#include <string>
#include <vector>

#include "flags.h"

namespace bp::cli {

// Process exit codes.
constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;  // a file's content is wrong, or the computation cannot be done
constexpr int kExitUsage = 2;     // the command line is wrong

struct Command {
  const char* name;
  const char* summary;  // one line for the command list
  const char* synopsis; // e.g. "--model M.json --data D.csv --loss L"
  const char* details;  // paragraphs after the flag list; may be empty
  std::vector<FlagSpec> flags;
  // Runs with parsed flags; prints its own result, returns an exit code and on failure sets *error
  // to one line naming the problem.
  int (*run)(const Flags& flags, std::string* error);
};

const Command& grad_command();
const Command& train_command();
const Command& bench_command();
const Command& landscape_command();

}  // namespace bp::cli
