#include "json_error.h"

#include <nlohmann/json.hpp>

namespace bp {
namespace {

using json = nlohmann::json;

// Accepts every event; records the first parse error.
struct ErrorCatcher : nlohmann::json_sax<json> {
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    message = ex.what();
    // Drop the "[json.exception.parse_error.101] " prefix: the reader wants the position and cause.
    const std::size_t close = message.find("] ");
    if (close != std::string::npos) message.erase(0, close + 2);
    return false;
  }
};

}  // namespace

std::string json_error(std::string_view text) {
  ErrorCatcher catcher;
  json::sax_parse(text.begin(), text.end(), &catcher);
  std::string message = catcher.message.empty() ? "not valid JSON" : catcher.message;
  // "…: syntax error while parsing value - invalid literal; last read: '<input>'": the cause comes
  // before "; last read", the quoted input after it.
  const std::size_t quote = message.find("; last read:");
  if (quote != std::string::npos) message.erase(quote);
  if (message.size() > kMaxJsonErrorLength) message = message.substr(0, kMaxJsonErrorLength - 3) + "...";
  return message;
}

}  // namespace bp
