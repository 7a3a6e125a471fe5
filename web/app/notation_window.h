// The "Notation" help window: the one notation of the lessons, the inspector, the network view and
// the graph view (x, w, b, y, t, e = y − t, E, θ, f′(θ), δ), so a learner can look a symbol up from
// any lesson. The "Notation" button at the end of the Details tab bar opens and closes it.
#pragma once

namespace bplab {

class NotationWindow {
 public:
  void toggle() { open_ = !open_; }
  bool is_open() const { return open_; }
  // The window, centred on the display, while open (its close button closes it).
  void draw();

 private:
  bool open_ = false;
};

}  // namespace bplab
