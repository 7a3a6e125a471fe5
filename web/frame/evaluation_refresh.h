// EvaluationRefresh: how often the lab evaluates the loss over its sets (Lab::evaluate_and_record:
// the losses shown, a point of the loss curve, the confusion matrices) while it trains. One
// evaluation is a forward pass over every point of both sets; for the largest set-up (6 hidden
// layers of 16, 1000 points) it took 5 ms of each frame's 20 ms under 4× CPU throttling
// (docs/page_performance.md). Like the output map (MapRefresh) and the network diagram
// (DiagramRefresh), the evaluation then runs less often the more it costs:
//   hz = clamp(1000 · kShare / cost_ms, kMinHz, kMaxHz),
// cost_ms the median of the last three evaluations' time. A small network evaluates in well under
// 0.1 ms, so it is evaluated after every frame as before. Paused, every change is evaluated at once.
#pragma once

#include "recent_median.h"

namespace bplab {

class EvaluationRefresh {
 public:
  static constexpr double kShare = 0.05;  // 50 ms of each second: 0.8 ms a frame at 60 fps
  static constexpr double kMaxHz = 60, kMinHz = 5;

  // Evaluations per second while training, for evaluations that cost cost_ms.
  static double hz(double cost_ms);
  // Whether to evaluate at time now_s (seconds): always when not training, else once 1/hz has
  // passed since the last evaluation. Remembers when it said yes.
  bool due(double now_s, bool training);
  // An evaluation took ms.
  void observe(double ms) { cost_.add(ms); }
  // The median of the last three evaluations' time, ms; 0 before the first.
  double cost_ms() const { return cost_.median(); }

 private:
  static constexpr double kNever = -1e300;
  double evaluated_s_ = kNever;
  RecentMedian cost_;
};

}  // namespace bplab
