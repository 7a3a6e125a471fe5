#include "state_map.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace lessons {
namespace {

// Writes each key of the state under its dotted path.
class Flattener : public lab::StateVisitor {
 public:
  explicit Flattener(StateMap* out) : out_(out) {}
  void begin(std::string_view key) override { path_.push_back(key_of(key) + "."); }
  void end() override { path_.pop_back(); }
  void number(std::string_view key, double v) override { (*out_)[key_of(key)] = v; }
  void integer(std::string_view key, long long v) override { (*out_)[key_of(key)] = double(v); }
  void flag(std::string_view key, bool v) override { (*out_)[key_of(key)] = v; }
  void text(std::string_view key, const std::string& v) override { (*out_)[key_of(key)] = v; }
  void numbers(std::string_view key, const std::vector<double>& v) override { array(key, v); }
  void integers(std::string_view key, const std::vector<int>& v) override { array(key, v); }

 private:
  std::string key_of(std::string_view key) const {
    return (path_.empty() ? std::string() : path_.back()) + std::string(key);
  }
  template <class T>
  void array(std::string_view key, const std::vector<T>& v) {
    const std::string base = key_of(key) + ".";
    for (std::size_t k = 0; k < v.size(); ++k) (*out_)[base + std::to_string(k)] = double(v[k]);
    (*out_)[base + "count"] = double(v.size());
  }

  StateMap* out_;
  std::vector<std::string> path_;  // "sample.", …: the prefix of the object being visited
};

}  // namespace

void add_state(const lab::LabState& state, StateMap* out) {
  Flattener f(out);
  lab::visit_state(state, f);
}

const char* type_name(const Value& v) {
  switch (v.index()) {
    case 0: return "number";
    case 1: return "true/false";
    default: return "text";
  }
}

std::string format_value(const Value& v) {
  if (const double* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *d);
    return buf;
  }
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return std::get<std::string>(v);
}

std::string schema_key(std::string_view key) {
  std::string out;
  std::size_t start = 0;
  while (start <= key.size()) {
    const std::size_t dot = std::min(key.find('.', start), key.size());
    const std::string_view seg = key.substr(start, dot - start);
    const bool digits = !seg.empty() && seg.find_first_not_of("0123456789") == std::string_view::npos;
    if (!out.empty() || start > 0) out += '.';
    out += digits ? std::string("#") : std::string(seg);
    start = dot + 1;
  }
  return out;
}

}  // namespace lessons
