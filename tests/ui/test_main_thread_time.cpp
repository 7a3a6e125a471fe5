// MainThreadTime: per-frame totals of the callback and the slices after it, median of the recent.
#include "main_thread_time.h"

#include <gtest/gtest.h>

namespace {

using bplab::MainThreadTime;

TEST(MainThreadTime, SumsTheCallbackAndTheSlicesOfAFrame) {
  MainThreadTime t;
  EXPECT_EQ(t.median_ms(), 0);
  t.begin_frame();
  t.add(3);    // the frame callback
  t.add(2);    // a training slice
  t.add(1.5);  // another
  EXPECT_EQ(t.frames(), 0) << "a frame counts once the next begins";
  t.begin_frame();
  EXPECT_EQ(t.frames(), 1);
  EXPECT_DOUBLE_EQ(t.median_ms(), 6.5);
}

TEST(MainThreadTime, MedianIgnoresASpike) {
  MainThreadTime t;
  const double work[] = {4, 5, 400, 6, 5};  // one garbage collection
  for (double ms : work) {
    t.begin_frame();
    t.add(ms);
  }
  t.begin_frame();
  EXPECT_DOUBLE_EQ(t.median_ms(), 5);
  t.add(7);
  t.begin_frame();  // six frames: 4 5 5 6 7 400
  EXPECT_DOUBLE_EQ(t.median_ms(), 5.5);
}

TEST(MainThreadTime, KeepsOnlyTheRecentFrames) {
  MainThreadTime t;
  for (int i = 0; i < MainThreadTime::kFrames; ++i) {
    t.begin_frame();
    t.add(50);
  }
  for (int i = 0; i < MainThreadTime::kFrames / 2 + 1; ++i) {
    t.begin_frame();
    t.add(2);
  }
  t.begin_frame();
  EXPECT_EQ(t.frames(), MainThreadTime::kFrames * 3 / 2 + 1);
  EXPECT_DOUBLE_EQ(t.median_ms(), 2) << "more than half of the kept frames are the new ones";
}

}  // namespace
