// CSV data files: one header row, then one sample per row; the first n_inputs columns are the
// inputs, the remaining n_targets columns the targets. Separator ',', blank lines ignored.
// Every field must be a finite number; errors name the line and column.
#pragma once
#include <string>
#include <string_view>

#include "dataset.h"
#include "status.h"

namespace bp {

// On error *out is untouched.
Status parse_csv(std::string_view text, int n_inputs, int n_targets, Dataset* out);
std::string to_csv(const Dataset& data);

}  // namespace bp
