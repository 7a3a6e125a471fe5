#include "json_text.h"

#include <cmath>
#include <cstdio>

namespace bp::cli {
namespace {

void append(const nlohmann::ordered_json& v, std::string* out) {
  switch (v.type()) {
    case nlohmann::ordered_json::value_t::object: {
      *out += '{';
      bool first = true;
      for (const auto& item : v.items()) {
        if (!first) *out += ", ";
        first = false;
        *out += nlohmann::json(item.key()).dump() + ": ";
        append(item.value(), out);
      }
      *out += '}';
      break;
    }
    case nlohmann::ordered_json::value_t::array: {
      *out += '[';
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) *out += ", ";
        append(v[i], out);
      }
      *out += ']';
      break;
    }
    case nlohmann::ordered_json::value_t::number_float: {
      const double d = v.get<double>();
      if (!std::isfinite(d)) {
        *out += "null";
        break;
      }
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", d);
      *out += buf;
      break;
    }
    default:
      *out += v.dump();  // strings, integers, booleans, null
  }
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& value) {
  std::string out;
  append(value, &out);
  return out;
}

}  // namespace bp::cli
