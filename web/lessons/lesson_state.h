// The state lesson conditions and texts read: the lab's snapshot (lab_state.h) flattened
// (state_map.h), plus
//   answer                 the number the learner typed into the step's field (NaN until then)
//   answered               whether a number was typed
//   inspector.next_weight  the selected weight after the next training step (engine's update,
//                          previewed); in the snapshot only when an expression reads it
#pragma once
#include <set>
#include <string>

#include "lab_state.h"
#include "state_map.h"

namespace lessons {

// The costly parts of the snapshot that expressions reading `names` need.
lab::StateParts parts_read(const std::set<std::string>& names);
// answered = false gives answer = NaN.
StateMap lab_state(const lab::LabState& snapshot, bool answered, double answer);

// Every key a lesson may use, with an example value of its type, keys as schema_key() gives them
// (taken from a default lab).
const StateMap& state_schema();

}  // namespace lessons
