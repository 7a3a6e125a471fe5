// FrameBudget: how many milliseconds of a frame training may use at "max" speed, adapted so the
// frame rate stays near what the page reaches when idle.
//
// The idle frame interval is learned while not training (an exponential moving average). While
// training, a frame slower than target × 1.05 shrinks the budget by 20 %; a frame on time grows it
// by 0.25 ms, up to the whole idle interval (training fits in the wait for the next vsync).
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
