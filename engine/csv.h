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
// A class column instead of targets: the header is n_inputs names, then `class`; each row's last
// field is a whole number 0 … max_classes − 1. K = (largest class + 1) classes give K one-hot
// target columns (t_k = 1 for the row's class) from 3 classes on, else one target, the class 0
// or 1. Errors name the line and column (negative, not whole, too many classes).
bool has_class_column(std::string_view text, int n_inputs);
Status parse_class_csv(std::string_view text, int n_inputs, int max_classes, Dataset* out);
std::string to_csv(const Dataset& data);

}  // namespace bp
