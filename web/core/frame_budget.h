// FrameBudget: how many milliseconds of each frame training may use at "max" speed, so the frame
// rate stays near what the page reaches with as little training as possible.
//
// The reference frame interval T is learned while not training (an exponential moving average)
// and kept up to date while training by probes: two frames in every kProbePeriod train only the
// floor budget, and the interval of the second is a sample of T. What the page draws changes as it
// trains (a trained network's thick lines cost more than a fresh one's), so T measured before
// Play would soon be stale; and where any training at all costs a frame its vsync slot (a
// software-rendered page between 30 and 60 fps drops to 30 fps with even a millisecond of
// training), the reference is that rate, not the unreachable idle one, and training fills the
// slot instead of idling at the floor for nothing. The interval while training is smoothed as F,
// and the budget follows additive increase / multiplicative decrease: while F ≤ T / 0.95 it grows
// by 2 % of T per frame, otherwise it shrinks by 15 %. This needs no model of where the training
// time goes. The budget stays within [5 % of T, T].
#pragma once

namespace lab {

class FrameBudget {
 public:
  static constexpr int kProbePeriod = 30;

  // Called at the start of each frame. dt_ms: the interval since the previous frame began;
  // training: whether the lab trains at "max" speed.
  void observe(double dt_ms, bool training);
  // The training time allowed in this frame: the floor in a probe frame.
  double budget_ms() const { return probe_ ? floor_ms() : budget_ms_; }
  double reference_interval_ms() const { return idle_ms_; }
  double floor_ms() const;

 private:
  double idle_ms_ = 1000.0 / 60.0;
  double training_ms_ = 1000.0 / 60.0;  // F, the smoothed interval of frames that trained
  double budget_ms_ = 2.0;
  long frames_ = -1;  // frames since training started; −1 while not training
  bool probe_ = false;
};

}  // namespace lab
