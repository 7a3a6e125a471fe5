#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "frame_pacer.h"

namespace {

constexpr double k60Hz = 1000.0 / 60.0;

// A simulated display and page: a frame asked to take `interval` refreshes is shown at the first
// refresh after both that many refreshes and its drawing (cost(k) ms for frame k) have passed.
struct Page {
  double refresh_ms = k60Hz;
  std::function<double(int)> cost;
  double interval_of(int k, int interval) const {
    const double refreshes = std::max<double>(interval, std::ceil(cost(k) / refresh_ms - 1e-9));
    return refreshes * refresh_ms;
  }
};

// What the pacer asked for over a run.
struct Paced {
  int frames_at[lab::FramePacer::kMaxInterval + 1] = {};
  int changes = 0;
  double seconds = 0;
};

Paced run(lab::FramePacer& p, const Page& page, int frames, bool hold = false, bool enabled = true,
          bool drew = true) {
  Paced r;
  for (int k = 0; k < frames; ++k) {
    const int before = p.interval();
    const double dt = page.interval_of(k, before);
    r.seconds += dt / 1000.0;
    p.observe(dt, drew, hold, enabled);
    ++r.frames_at[p.interval()];
    if (p.interval() != before) ++r.changes;
  }
  return r;
}

// Draws in 15 ms, then 20 ms, in turn: at one refresh a frame it alternates 16.7 and 33.3 ms.
const Page kJudderingPage{k60Hz, [](int k) { return k % 2 ? 20.0 : 15.0; }};

TEST(FramePacer, KeepsOneRefreshPerFrameForAPageThatDrawsInTime) {
  lab::FramePacer p;
  const Paced r = run(p, {k60Hz, [](int) { return 9.0; }}, 3000);
  EXPECT_EQ(r.frames_at[1], 3000);
  EXPECT_NEAR(p.refresh_ms(), k60Hz, 1e-9);
}

TEST(FramePacer, PacesAJudderingPageAtTwoRefreshesAFrame) {
  lab::FramePacer p;
  const Paced first = run(p, kJudderingPage, 2 * lab::FramePacer::kWindow);
  EXPECT_EQ(p.interval(), 2) << "after the first window (half its frames were late)";
  EXPECT_GT(first.frames_at[1], 0);
  // Trials of one refresh a frame fail quickly, and their spacing doubles.
  const Paced later = run(p, kJudderingPage, 20000);
  EXPECT_EQ(p.interval(), 2);
  EXPECT_GT(later.frames_at[2], 0.99 * 20000) << later.frames_at[1] << " frames at 1";
  EXPECT_GE(later.changes, 2) << "it still tries now and then";
  EXPECT_LE(later.changes, 2 * (20000 / (lab::FramePacer::kLongestWaitWindows * lab::FramePacer::kWindow) + 6));
}

TEST(FramePacer, ReturnsToOneRefreshWhenTheDrawingGetsCheaper) {
  lab::FramePacer p;
  run(p, kJudderingPage, 4000);
  ASSERT_EQ(p.interval(), 2);
  const Paced r = run(p, {k60Hz, [](int) { return 8.0; }}, 4000);
  EXPECT_EQ(p.interval(), 1);
  EXPECT_GT(r.frames_at[1], 3000) << "within the longest wait and one trial window";
}

TEST(FramePacer, StopsAtTheLongestIntervalForAVerySlowPage) {
  lab::FramePacer p;
  // One frame in four draws in time, which shows the refresh period; the others need four.
  const Page slow{k60Hz, [](int k) { return k % 4 ? 55.0 : 10.0; }};
  run(p, slow, 3000);
  EXPECT_EQ(p.interval(), lab::FramePacer::kMaxInterval);
}

TEST(FramePacer, MeasuresTheRefreshOfAFasterDisplay) {
  lab::FramePacer p;
  const double hz144 = 1000.0 / 144.0;
  const Page page{hz144, [](int k) { return k % 2 ? 9.0 : 6.0; }};  // 6.9 and 13.9 ms frames
  run(p, page, 3000);
  EXPECT_NEAR(p.refresh_ms(), hz144, 1e-9);
  EXPECT_EQ(p.interval(), 2);
}

// Past the budget's warm-up, training at "max" makes a few frames late on purpose: the pacer
// holds its interval, making neither trials nor slowing down.
TEST(FramePacer, HoldsItsIntervalWhenAskedTo) {
  lab::FramePacer p;
  run(p, kJudderingPage, 2000);
  ASSERT_EQ(p.interval(), 2);
  const Paced cheap = run(p, {k60Hz, [](int) { return 8.0; }}, 3000, /*hold=*/true);
  EXPECT_EQ(cheap.frames_at[2], 3000) << "no trials";
  const Paced late = run(p, {k60Hz, [](int) { return 40.0; }}, 3000, /*hold=*/true);
  EXPECT_EQ(late.frames_at[2], 3000) << "no slowing down";
}

// A frame that drew nothing (nothing on screen changed) says nothing about the cost of drawing:
// an idle page that draws nothing keeps its interval, though its frames are all on time.
TEST(FramePacer, IgnoresFramesAfterFramesThatDrewNothing) {
  lab::FramePacer p;
  run(p, kJudderingPage, 2000);
  ASSERT_EQ(p.interval(), 2);
  const Paced idle = run(p, {k60Hz, [](int) { return 1.0; }}, 20000, false, true, /*drew=*/false);
  EXPECT_EQ(idle.frames_at[2], 20000);
}

TEST(FramePacer, AsksForOneRefreshWhenPacingIsOff) {
  lab::FramePacer p;
  run(p, kJudderingPage, 2000);
  ASSERT_EQ(p.interval(), 2);
  const Paced off = run(p, kJudderingPage, 2000, false, /*enabled=*/false);
  EXPECT_EQ(off.frames_at[1], 2000);
}

// A page none of whose frames is ever on time shows no refresh period shorter than its frames:
// the pacer then leaves it alone rather than guess.
TEST(FramePacer, LeavesAPageAloneWhenNoFrameShowsTheRefreshPeriod) {
  lab::FramePacer p;
  const Paced r = run(p, {k60Hz, [](int k) { return k % 2 ? 40.0 : 60.0; }}, 3000);
  EXPECT_EQ(r.frames_at[1], 3000);
}

TEST(FramePacer, IgnoresStalls) {
  lab::FramePacer p;
  const Page stalling{k60Hz, [](int) { return 9.0; }};
  for (int k = 0; k < 1000; ++k) p.observe(k % 20 == 0 ? 5000.0 : stalling.interval_of(k, 1), true, false, true);
  EXPECT_EQ(p.interval(), 1);
}

}  // namespace
