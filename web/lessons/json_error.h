// The parser's message for text that is not valid JSON ("parse error at line 3, column 7: …"),
// found without exceptions (the WebAssembly build does not enable them).
#pragma once
#include <string>
#include <string_view>

namespace lessons {

std::string json_error(std::string_view text);

}  // namespace lessons
