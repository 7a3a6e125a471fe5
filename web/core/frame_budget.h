// FrameBudget: how many milliseconds of each frame training may use at "max" speed, so that frames
// keep coming at the interval the frame pacer asked for (lab::FramePacer: one, two or three
// display refreshes).
//
// A frame is late when it took more than kLate times the asked interval; with vsync a late frame
// is a whole refresh late, so the test needs no fine timing. The budget follows additive increase
// / multiplicative decrease, the rule TCP uses to share a link without a model of it: each frame
// on time adds kIncrease of the interval, each late one multiplies the budget by kDecrease. It
// settles where a few percent of frames are late (about kIncrease / (kIncrease + (1 − kDecrease)
// · budget share): 3–6 % at a budget of half to a quarter of the interval), i.e. at ≥ 95 % of the
// paced rate, whatever the split of the page's time between drawing, compositing and training.
// Where even the floor makes frames late, the budget stays at the floor. It stays within
// [kFloor, 1] × the interval.
#pragma once

namespace lab {

class FrameBudget {
 public:
  static constexpr double kLate = 1.1;
  static constexpr double kIncrease = 0.005;
  static constexpr double kDecrease = 0.7;
  static constexpr double kFloor = 0.05;

  // Called at the start of each frame. dt_ms: the interval since the previous frame began;
  // asked_ms: the interval the pacer asked for it; training: the lab trains at "max" speed.
  void observe(double dt_ms, double asked_ms, bool training);
  // The training time allowed in this frame.
  double budget_ms() const { return budget_ms_; }
  // The fewest milliseconds a frame may train: kFloor of the asked interval.
  double floor_ms() const { return kFloor * asked_ms_; }

 private:
  double asked_ms_ = 1000.0 / 60.0;
  double budget_ms_ = kFloor * 1000.0 / 60.0;
  bool first_ = true;  // the first interval while training began before Play
};

}  // namespace lab
