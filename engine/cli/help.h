// Help texts: the command list and each command's flags with their defaults.
#pragma once
#include <cstdio>
#include <vector>

#include "command.h"

namespace bp::cli {

void print_usage(const std::vector<const Command*>& commands, std::FILE* to);
void print_command_help(const Command& command, std::FILE* to);

}  // namespace bp::cli
