// FrameBudget: how many milliseconds of a frame training may use at "max" speed, adapted so the
// frame rate stays near what the page reaches when idle.
//
// The idle frame interval T is learned while not training (an exponential moving average). While
// training, the frame interval may grow to T / 0.92 (the frame rate stays ≥ 92 % of idle): a
// slower frame shrinks the budget by 15 %, a frame within it grows the budget by 2 % of T. The
// budget stays within [0.5 ms, T]: where rendering waits for vsync, training can fill the wait.
#pragma once

namespace lab {

class FrameBudget {
 public:
  // dt_ms: the interval since the previous frame; training: whether training ran in it.
  void observe(double dt_ms, bool training);
  double budget_ms() const { return budget_ms_; }
  double idle_interval_ms() const { return idle_ms_; }

 private:
  double idle_ms_ = 1000.0 / 60.0;
  double budget_ms_ = 2.0;
};

}  // namespace lab
