// FrameBudget: how many milliseconds of each frame training may use (a fixed speed may stop sooner,
// once the frame's iterations are done), so that frames keep coming at the interval the frame
// pacer asked for (FramePacer: one, two or three display refreshes).
//
// A frame is late when it took more than kLate times the asked interval; with vsync a late frame
// is a whole refresh late, so the test needs no fine timing. The budget follows additive increase
// / multiplicative decrease, the rule TCP uses to share a link without a model of it: each frame
// on time adds kIncrease × n of the interval (n refreshes a frame), each late one multiplies the
// budget by kDecrease. It settles where a few percent of frames are late, about
// a / (a + (1 − kDecrease) · budget share) with a = kIncrease · n, whatever the split of the page's
// time between drawing, compositing and training. A late frame costs 1/n of a frame slot (it is one
// refresh late out of n), so the growth scales with n to keep the frame rate lost about the same:
// at a budget of a third of the interval, 3 % late frames at n = 1 and 5 % at n = 2, i.e. ≥ 97 %
// of the paced rate. Where even the floor makes frames late, the budget stays at the
// floor. It stays within [kFloor, 1] × the interval. Training begins with kWarmUpFrames at the
// floor, in which the pacer may still change the interval.
#pragma once

namespace bplab {

class FrameBudget {
 public:
  static constexpr double kLate = 1.1;
  static constexpr double kIncrease = 0.005;
  static constexpr double kDecrease = 0.8;
  static constexpr double kFloor = 0.05;
  // Frames at the floor when training begins, so that the frame pacer first sees what drawing the
  // training view costs on its own (see warmed_up()).
  static constexpr int kWarmUpFrames = 60;

  // Called at the start of each frame. dt_ms: the interval since the previous frame began;
  // refresh_ms × refreshes: the interval the pacer asked for it; training: the lab trains.
  void observe(double dt_ms, double refresh_ms, int refreshes, bool training);
  // The training time allowed in this frame.
  double budget_ms() const { return budget_ms_; }
  // The fewest milliseconds a frame may train: kFloor of the asked interval.
  double floor_ms() const { return kFloor * asked_ms_; }
  // Whether training is past its warm-up: from then on, late frames are the budget's to answer.
  bool warmed_up() const { return frames_ >= kWarmUpFrames; }

 private:
  double asked_ms_ = 1000.0 / 60.0;
  double budget_ms_ = kFloor * 1000.0 / 60.0;
  long frames_ = -1;  // frames since training began; −1 while not training
};

}  // namespace bplab
