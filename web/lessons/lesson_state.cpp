#include "lesson_state.h"

#include <cmath>
#include <limits>

#include "lab.h"

namespace lessons {

namespace {
constexpr const char* kSlope = "inspector.slope";
constexpr const char* kNextWeight = "inspector.next_weight";
}

lab::StateParts parts_read(const std::set<std::string>& names) {
  return {names.count(kSlope) > 0, names.count(kNextWeight) > 0};
}

StateMap lab_state(const lab::LabState& snapshot, bool answered, double answer) {
  StateMap state;
  add_state(snapshot, &state);
  state["answered"] = answered;
  state["answer"] = answered ? answer : std::numeric_limits<double>::quiet_NaN();
  return state;
}

const StateMap& state_schema() {
  static const StateMap schema = [] {
    lab::Lab lab;
    StateMap schema;
    for (const auto& [key, value] : lab_state(lab::snapshot(lab, {true, true}), true, 0.0))
      schema[schema_key(key)] = value;
    return schema;
  }();
  return schema;
}

}  // namespace lessons
