// FrameBudget: how many milliseconds of each frame training may use at "max" speed, so the frame
// rate stays near what the page reaches when it only draws.
//
// The idle frame interval T is learned while not training (an exponential moving average), and
// kept up to date while training by probes: two frames in every kProbePeriod train not at all, and
// the interval of the second is a sample of T. (What the page draws changes as it trains: a
// trained network's thicker lines cost more than a fresh one's, so T measured before Play would
// soon be stale.) The interval while training is smoothed as F, and the budget follows additive
// increase / multiplicative decrease: while F ≤ T / 0.95 (the frame rate is ≥ 95 % of idle) it
// grows by 2 % of T per frame, otherwise it shrinks by 15 %. This needs no model of where the
// training time goes: on a GPU the frame may not lengthen at all until a vsync is missed, while in
// a software-rendered page training competes with the rasteriser for the cores. The budget stays
// within [5 % of T, T]; the floor keeps learning visible where any training slows drawing.
#pragma once

namespace lab {

class FrameBudget {
 public:
  static constexpr int kProbePeriod = 30;

  // Called at the start of each frame. dt_ms: the interval since the previous frame began;
  // training: whether the lab trains at "max" speed.
  void observe(double dt_ms, bool training);
  // The training time allowed in this frame: 0 in a probe frame.
  double budget_ms() const { return probe_ ? 0.0 : budget_ms_; }
  double idle_interval_ms() const { return idle_ms_; }

 private:
  double idle_ms_ = 1000.0 / 60.0;
  double training_ms_ = 1000.0 / 60.0;  // F, the smoothed interval of frames that trained
  double budget_ms_ = 2.0;
  long frames_ = -1;  // frames since training started; −1 while not training
  bool probe_ = false;
};

}  // namespace lab
