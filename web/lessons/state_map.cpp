#include "state_map.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace lessons {
namespace {

void flatten(const nlohmann::json& j, const std::string& key, StateMap* out) {
  const std::string dot = key.empty() ? "" : key + ".";
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) flatten(it.value(), dot + it.key(), out);
  } else if (j.is_array()) {
    for (std::size_t k = 0; k < j.size(); ++k) flatten(j[k], dot + std::to_string(k), out);
    (*out)[dot + "count"] = double(j.size());
  } else if (j.is_boolean()) {
    (*out)[key] = j.get<bool>();
  } else if (j.is_number()) {
    (*out)[key] = j.get<double>();
  } else if (j.is_string()) {
    (*out)[key] = j.get<std::string>();
  }
}

}  // namespace

bp::Status flatten_json(std::string_view json, std::string_view prefix, StateMap* out) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return bp::Status::error("state: not a JSON object");
  flatten(j, std::string(prefix), out);
  return bp::Status::ok();
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
