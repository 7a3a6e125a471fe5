#include "main_thread_time.h"

#include <algorithm>

namespace bplab {

void MainThreadTime::begin_frame() {
  if (started_) recent_[frames_++ % kFrames] = current_ms_;
  started_ = true;
  current_ms_ = 0;
}

double MainThreadTime::median_ms() const {
  const long n = std::min<long>(frames_, kFrames);
  if (n == 0) return 0;
  std::array<double, kFrames> sorted = recent_;
  std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.begin() + n);
  const double upper = sorted[n / 2];
  if (n % 2 == 1) return upper;
  const double lower = *std::max_element(sorted.begin(), sorted.begin() + n / 2);
  return (lower + upper) / 2;
}

}  // namespace bplab
