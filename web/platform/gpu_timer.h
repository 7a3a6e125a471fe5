// GpuTimer: how long the GPU took for a stretch of GL commands, through a timer query
// (GL_TIME_ELAPSED: core in OpenGL 3.3, EXT_disjoint_timer_query_webgl2 in the browser). The
// result arrives a frame or more later, so the timer is polled; one measurement runs at a time,
// and a begin() while one is pending measures nothing. Where the browser has no timer queries
// there is no result. The GPU_DISJOINT flag (the GPU's clock jumped, e.g. a power-state change)
// is not read: in Chromium getParameter() waits for the GPU process to finish every command sent,
// which costs the main thread more than a rare wrong measurement, and MapRefresh takes the median
// of three anyway.
#pragma once

namespace bplab {

class GpuTimer {
 public:
  GpuTimer() = default;
  GpuTimer(const GpuTimer&) = delete;
  GpuTimer& operator=(const GpuTimer&) = delete;
  // Deletes the query; a GL context must be current if one was made.
  void release();

  // Starts timing the commands that follow, tagged with `work` (what they are, e.g. texels).
  void begin(long work);
  void end();
  // A finished measurement: true with its work and milliseconds, once.
  bool take(long* work, double* ms);

 private:
  enum class Support { Unknown, Yes, No };
  Support support_ = Support::Unknown;
  unsigned query_ = 0;
  bool running_ = false, pending_ = false;
  long work_ = 0;
};

}  // namespace bplab
