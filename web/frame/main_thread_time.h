// MainThreadTime: how long the page's main thread works per frame — the frame callback plus the
// training slices that run after it until the next frame — as the median of the last kFrames
// frames. It is the figure that decides the frame rate on a slow device: at 4× CPU throttling a
// frame's work of m ms becomes about 4m, so m ≤ 8 ms keeps 30 fps there (issue "Reach").
// The median, not the mean, so that a garbage collection or a one-off rebuild does not move it.
#pragma once

#include <array>

namespace bplab {

class MainThreadTime {
 public:
  static constexpr int kFrames = 120;

  // A new frame begins: the work added since the last call is one frame's.
  void begin_frame();
  // ms of work on the main thread within the current frame (the callback or a training slice).
  void add(double ms) { current_ms_ += ms; }
  // The median of the last kFrames whole frames; 0 before the first.
  double median_ms() const;
  // Whole frames recorded so far (at most kFrames are kept).
  long frames() const { return frames_; }

 private:
  std::array<double, kFrames> recent_{};  // ring buffer of per-frame totals, ms
  long frames_ = 0;
  double current_ms_ = 0;
  bool started_ = false;
};

}  // namespace bplab
