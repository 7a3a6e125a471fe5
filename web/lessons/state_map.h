// StateMap: the lab's state as a flat map from dotted keys to values, which lesson conditions and
// step texts read. Built from the typed snapshot (lab_state.h) by walking its one list of keys:
// nested objects give dotted keys ("inspector.weight"), array elements their index
// ("sample.outputs.0") plus "<array>.count".
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "lab_state.h"

namespace lessons {

using Value = std::variant<double, bool, std::string>;
using StateMap = std::map<std::string, Value, std::less<>>;

// Adds every key of the state to *out.
void add_state(const lab::LabState& state, StateMap* out);

// "number", "true/false" or "text": for messages.
const char* type_name(const Value& v);
// Numbers with 6 significant digits ("0.298371", "1e-05"), true/false, text as is.
std::string format_value(const Value& v);

// The key with every all-digit segment replaced by '#' ("sample.outputs.1" → "sample.outputs.#"),
// so that a key schema taken from one lab state covers networks of any size.
std::string schema_key(std::string_view key);

}  // namespace lessons
