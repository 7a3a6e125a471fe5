// The parser's message for text that is not valid JSON ("parse error at line 3, column 7: …"),
// found without exceptions (the WebAssembly build does not enable them). Shared by every reader
// of JSON files: models here, lessons and progress in the lab.
#pragma once
#include <string>
#include <string_view>

namespace bp {

// At most kMaxJsonErrorLength characters, whatever the input: nlohmann's "; last read: '…'" part
// quotes the input and could otherwise be as long as the file.
std::string json_error(std::string_view text);

constexpr std::size_t kMaxJsonErrorLength = 200;

}  // namespace bp
