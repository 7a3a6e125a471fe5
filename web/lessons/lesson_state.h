// The state lesson conditions and texts read: Lab::state_json() flattened (state_map.h), plus
//   answer                 the number the learner typed into the step's field (NaN until then)
//   answered               whether a number was typed
//   inspector.next_weight  the selected weight after the next training step (engine's update,
//                          previewed and undone); computed only when an expression reads it
#pragma once
#include <set>
#include <string>

#include "lab.h"
#include "state_map.h"

namespace lessons {

// answered = false gives answer = NaN. `names`: the keys the caller's expressions read.
StateMap lab_state(lab::Lab* lab, const std::set<std::string>& names, bool answered, double answer);

// Every key a lesson may use, with an example value of its type, keys as schema_key() gives them
// (taken from a default lab).
const StateMap& state_schema();

}  // namespace lessons
