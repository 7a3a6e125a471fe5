// Status: the outcome of anything that reads user or file input.
// Bad input is an expected event, not a programmer error: it yields a one-line message that names
// what was wrong and where, and the caller keeps its previous good state.
#pragma once
#include <string>
#include <utility>

namespace bp {

class Status {
 public:
  static Status ok() { return Status(); }
  static Status error(std::string message) { return Status(std::move(message)); }

  bool is_ok() const { return !failed_; }
  explicit operator bool() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  Status() = default;
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace bp
