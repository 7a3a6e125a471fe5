// FrameBudget: how many milliseconds of a frame training may use at "max" speed, so the frame
// rate stays near what the page reaches when idle.
//
// The idle frame interval T is learned while not training (an exponential moving average). While
// training, each frame's interval dt is split into training time and the rest (drawing, which also
// grows while training: the output map is redrawn whenever the weights change). The budget aims
// at dt = T / 0.92 (≥ 92 % of the idle frame rate): budget = T / 0.92 − rest, smoothed. When the
// rest alone already exceeds that, the target cannot be met by training less, and training keeps a
// floor of 10 % of T so learning still visibly progresses. The budget never exceeds T: where
// drawing waits for vsync, training can fill the wait.
#pragma once

namespace lab {

class FrameBudget {
 public:
  // dt_ms: the interval since the previous frame; train_ms: the time training took in it (0 when
  // not training).
  void observe(double dt_ms, bool training, double train_ms = 0);
  double budget_ms() const { return budget_ms_; }
  double idle_interval_ms() const { return idle_ms_; }

 private:
  double idle_ms_ = 1000.0 / 60.0;
  double budget_ms_ = 2.0;
};

}  // namespace lab
