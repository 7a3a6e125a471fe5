// Numbers as text, the same way for every reader and writer of the project (CSV files, links,
// messages): a finite decimal number and nothing else in, the shortest exact text out.
#pragma once
#include <string>
#include <string_view>

namespace bp {

// A finite number filling all of `text` ("1.5e3" yes; "1.5x", "nan", "inf", "", "1e999" no).
bool parse_number(std::string_view text, double* out);

// Shortest decimal text that reads back as exactly v ("0.03", not "0.029999999999999999").
std::string format_number(double v);

}  // namespace bp
