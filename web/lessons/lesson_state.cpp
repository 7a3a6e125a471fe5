#include "lesson_state.h"

#include <cmath>
#include <limits>

namespace lessons {

namespace {
constexpr const char* kNextWeight = "inspector.next_weight";
}

StateMap lab_state(lab::Lab* lab, const std::set<std::string>& names, bool answered, double answer) {
  StateMap state;
  const bp::Status s = flatten_json(lab->state_json(), "", &state);
  (void)s;  // state_json() always gives an object
  state["answered"] = answered;
  state["answer"] = answered ? answer : std::numeric_limits<double>::quiet_NaN();
  if (names.count(kNextWeight)) state[kNextWeight] = lab->weight_after_step();
  return state;
}

const StateMap& state_schema() {
  static const StateMap schema = [] {
    lab::Lab lab;
    StateMap schema;
    for (const auto& [key, value] : lab_state(&lab, {kNextWeight}, true, 0.0))
      schema[schema_key(key)] = value;
    return schema;
  }();
  return schema;
}

}  // namespace lessons
