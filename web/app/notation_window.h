// The "Notation" help window: the one notation of the lessons, the inspector, the network view and
// the graph view (x, w, b, θ, y, t, e = y − t, E, f′(θ), δ), so a learner can look a symbol up
// from any lesson. The "Notation" button at the end of the Details tabs opens and closes it.
#pragma once

#include "help_window.h"

namespace bplab {

class NotationWindow : public HelpWindow {
 public:
  NotationWindow();
};

}  // namespace bplab
