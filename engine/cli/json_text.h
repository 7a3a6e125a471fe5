// Compact JSON text with every floating-point number at 17 significant digits (%.17g), enough to
// read back the exact double. nlohmann's dump() prints the shortest round-trip form instead.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace bp::cli {

// Non-finite numbers become null, as in nlohmann's dump(); callers check finiteness first.
std::string json_text(const nlohmann::ordered_json& value);

}  // namespace bp::cli
