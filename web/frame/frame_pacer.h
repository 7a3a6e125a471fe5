// FramePacer: how many display refreshes (vsync periods) each frame of the lab should take, so that
// frames come at a steady rate the page can keep: 60, 30 or 20 fps on a 60 Hz display.
//
// A page that needs a little more than one refresh to draw (software-rendered WebGL, a weak GPU)
// otherwise alternates between one-refresh and two-refresh frames. That judders, and it leaves no
// time between frames: at "max" speed any training at all then costs the one-refresh frames. Paced
// at two refreshes a frame, the same page draws a steady 30 fps and training fills the rest of each
// frame (the approach of Android's frame-pacing library, which picks a swap interval the same way).
//
// The pacer watches the interval of each drawn frame. The refresh period is the shortest interval
// per swap interval seen lately. A frame is late when it took at least half a refresh longer than
// asked. Over each window of kWindow frames:
//   - more than kLateToSlow late frames: ask for one refresh more per frame (up to kMaxInterval);
//   - at a longer interval with few late frames, try one refresh less after a wait; a trial ends
//     at once and goes back when, after at least kTrialFrames frames, more than kLateToSlow of its
//     frames were late, and the wait before the next trial doubles (from kFirstWaitWindows up to
//     kLongestWaitWindows). A trial is judged by the same share of late frames that lengthens the
//     interval, so where the pacer settles depends on what drawing costs, not on how it got there
//     (a stricter trial kept a page that was at one refresh with 10 % late frames there, but kept
//     the same page at two refreshes once a burst of late frames at the start of training had sent
//     it there).
// Only frames that follow a frame that drew something count: a frame that draws nothing (nothing
// on screen changed, see FrameDamage) says nothing about what drawing costs. It costs nothing
// either, so a page that has drawn nothing for kIdleMs (paused, and nobody touches it) goes back
// to one refresh a frame, as a trial: once it draws again, a few late frames end it. While the
// frame budget is what ends each frame's training, past its warm-up, the budget makes a few frames
// late on purpose (FrameBudget): the pacer then holds its interval.
#pragma once

#include <array>

namespace bplab {

class FramePacer {
 public:
  static constexpr int kMaxInterval = 3;
  static constexpr int kWindow = 60;
  static constexpr double kLateToSlow = 0.25;
  static constexpr int kTrialFrames = 12;
  static constexpr int kFirstWaitWindows = 3;
  static constexpr int kLongestWaitWindows = 30;
  static constexpr double kIdleMs = 250;

  // Called at the start of each frame. dt_ms: the interval since the previous frame began; drew:
  // the previous frame drew something; hold: keep the interval (the frame budget ends the
  // training of each frame, past its warm-up); enabled: pacing is on (off: interval 1).
  void observe(double dt_ms, bool drew, bool hold, bool enabled);
  // Display refreshes per frame: the swap interval to ask the platform for.
  int interval() const { return interval_; }
  // Whether a frame is due since_ms after the last one began: at least interval − ½ refreshes.
  // For a loop that runs at every refresh and paces itself (the browser's): counting refreshes
  // instead would also count the ones the browser skipped when its main thread was held up, so
  // one late callback would cost a whole frame.
  bool due(double since_ms) const;
  // The display's refresh period as measured.
  double refresh_ms() const;

 private:
  void restart_window();
  void change_interval(int to);
  // A frame after one that drew nothing, dt_ms after it.
  void observe_idle(double dt_ms);

  int interval_ = 1;
  // Shortest interval per refresh in each of the last few windows (the current one last).
  std::array<double, 4> shortest_{};
  int shortest_at_ = 0;
  int frames_ = 0;
  int late_ = 0;
  bool skip_next_ = true;  // the first interval after a change spans both rates
  bool trial_ = false;     // this window tries one refresh less than the last good interval
  int windows_until_trial_ = kFirstWaitWindows;
  int wait_windows_ = kFirstWaitWindows;
  double idle_ms_ = 0;  // since the last frame that drew something
};

}  // namespace bplab
