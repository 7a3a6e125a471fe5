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
  int frames_at[bplab::FramePacer::kMaxInterval + 1] = {};
  int changes = 0;
  double seconds = 0;
};

Paced run(bplab::FramePacer& p, const Page& page, int frames, bool hold = false, bool enabled = true,
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
// One frame in four draws in time, which shows the refresh period; the others need four refreshes.
const Page kVerySlowPage{k60Hz, [](int k) { return k % 4 ? 55.0 : 10.0; }};

TEST(FramePacer, KeepsOneRefreshPerFrameForAPageThatDrawsInTime) {
  bplab::FramePacer p;
  const Paced r = run(p, {k60Hz, [](int) { return 9.0; }}, 3000);
  EXPECT_EQ(r.frames_at[1], 3000);
  EXPECT_NEAR(p.refresh_ms(), k60Hz, 1e-9);
}

TEST(FramePacer, PacesAJudderingPageAtTwoRefreshesAFrame) {
  bplab::FramePacer p;
  const Paced first = run(p, kJudderingPage, 2 * bplab::FramePacer::kWindow);
  EXPECT_EQ(p.interval(), 2) << "after the first window (half its frames were late)";
  EXPECT_GT(first.frames_at[1], 0);
  // Trials of one refresh a frame fail quickly, and their spacing doubles.
  const Paced later = run(p, kJudderingPage, 20000);
  EXPECT_EQ(p.interval(), 2);
  EXPECT_GT(later.frames_at[2], 0.99 * 20000) << later.frames_at[1] << " frames at 1";
  EXPECT_GE(later.changes, 2) << "it still tries now and then";
  EXPECT_LE(later.changes, 2 * (20000 / (bplab::FramePacer::kLongestWaitWindows * bplab::FramePacer::kWindow) + 6));
}

TEST(FramePacer, ReturnsToOneRefreshWhenTheDrawingGetsCheaper) {
  bplab::FramePacer p;
  run(p, kJudderingPage, 4000);
  ASSERT_EQ(p.interval(), 2);
  const Paced r = run(p, {k60Hz, [](int) { return 8.0; }}, 4000);
  EXPECT_EQ(p.interval(), 1);
  EXPECT_GT(r.frames_at[1], 3000) << "within the longest wait and one trial window";
}

// One frame in ten needs two refreshes: 10 % late frames, within the tolerance both ways. The page
// stays at one refresh a frame, and comes back to it after a burst of late frames (the start of
// training) sent it to two, whose trials a stricter rule failed at the fourth late frame.
TEST(FramePacer, APageWithAFewLateFramesSettlesAtOneRefreshWhateverCameBefore) {
  const Page few_late{k60Hz, [](int k) { return k % 10 == 0 ? 20.0 : 9.0; }};
  bplab::FramePacer fresh;
  const Paced steady = run(fresh, few_late, 6000);
  EXPECT_EQ(steady.frames_at[1], 6000);

  bplab::FramePacer p;
  run(p, kJudderingPage, 2 * bplab::FramePacer::kWindow);
  ASSERT_EQ(p.interval(), 2);
  const Paced after = run(p, few_late, 6000);
  EXPECT_EQ(p.interval(), 1);
  EXPECT_GT(after.frames_at[1], 0.9 * 6000) << "back after the first wait";
}

TEST(FramePacer, StopsAtTheLongestIntervalForAVerySlowPage) {
  bplab::FramePacer p;
  run(p, kVerySlowPage, 3000);
  EXPECT_EQ(p.interval(), bplab::FramePacer::kMaxInterval);
}

TEST(FramePacer, MeasuresTheRefreshOfAFasterDisplay) {
  bplab::FramePacer p;
  const double hz144 = 1000.0 / 144.0;
  const Page page{hz144, [](int k) { return k % 2 ? 9.0 : 6.0; }};  // 6.9 and 13.9 ms frames
  run(p, page, 3000);
  EXPECT_NEAR(p.refresh_ms(), hz144, 1e-9);
  EXPECT_EQ(p.interval(), 2);
}

// Past the budget's warm-up, training at "max" makes a few frames late on purpose: the pacer
// holds its interval, making neither trials nor slowing down.
TEST(FramePacer, HoldsItsIntervalWhenAskedTo) {
  bplab::FramePacer p;
  run(p, kJudderingPage, 2000);
  ASSERT_EQ(p.interval(), 2);
  const Paced cheap = run(p, {k60Hz, [](int) { return 8.0; }}, 3000, /*hold=*/true);
  EXPECT_EQ(cheap.frames_at[2], 3000) << "no trials";
  const Paced late = run(p, {k60Hz, [](int) { return 40.0; }}, 3000, /*hold=*/true);
  EXPECT_EQ(late.frames_at[2], 3000) << "no slowing down";
}

// Seconds of frames that drew nothing (a paused page that nobody touches draws nothing, see
// FrameDamage) until the pacer asks for one refresh a frame; infinite if it never does.
double seconds_until_one_refresh(bplab::FramePacer& p, int max_frames) {
  const Page idle{k60Hz, [](int) { return 1.0; }};
  double seconds = 0;
  for (int k = 0; k < max_frames && p.interval() != 1; ++k) {
    const double dt = idle.interval_of(k, p.interval());
    seconds += dt / 1000.0;
    p.observe(dt, /*drew=*/false, false, true);
  }
  return p.interval() == 1 ? seconds : INFINITY;
}

// Drawing nothing costs nothing: a page that stops drawing is back at the display's rate within a
// second, whatever interval its drawing needed.
TEST(FramePacer, ReturnsToTheDisplayRateWithinASecondOfDrawingNothing) {
  for (const Page& busy : {kJudderingPage, kVerySlowPage}) {
    bplab::FramePacer p;
    run(p, busy, 4000);
    ASSERT_GT(p.interval(), 1);
    EXPECT_LE(seconds_until_one_refresh(p, 20000), 1.0) << "from " << p.interval() << " refreshes a frame";
  }
}

// Frames that drew nothing say nothing about the cost of drawing: once the page draws again, the
// return to the display's rate is a trial that ends at the first few late frames.
TEST(FramePacer, GoesBackSoonWhenTheDrawingResumes) {
  bplab::FramePacer p;
  run(p, kJudderingPage, 4000);
  ASSERT_EQ(p.interval(), 2);
  ASSERT_LE(seconds_until_one_refresh(p, 20000), 1.0);
  const Paced resumed = run(p, kJudderingPage, 4000);
  EXPECT_EQ(p.interval(), 2);
  EXPECT_LT(resumed.frames_at[1], 0.05 * 4000);
}

TEST(FramePacer, AsksForOneRefreshWhenPacingIsOff) {
  bplab::FramePacer p;
  run(p, kJudderingPage, 2000);
  ASSERT_EQ(p.interval(), 2);
  const Paced off = run(p, kJudderingPage, 2000, false, /*enabled=*/false);
  EXPECT_EQ(off.frames_at[1], 2000);
}

// A page none of whose frames is ever on time shows no refresh period shorter than its frames:
// the pacer then leaves it alone rather than guess.
TEST(FramePacer, LeavesAPageAloneWhenNoFrameShowsTheRefreshPeriod) {
  bplab::FramePacer p;
  const Paced r = run(p, {k60Hz, [](int k) { return k % 2 ? 40.0 : 60.0; }}, 3000);
  EXPECT_EQ(r.frames_at[1], 3000);
}

TEST(FramePacer, IgnoresStalls) {
  bplab::FramePacer p;
  const Page stalling{k60Hz, [](int) { return 9.0; }};
  for (int k = 0; k < 1000; ++k) p.observe(k % 20 == 0 ? 5000.0 : stalling.interval_of(k, 1), true, false, true);
  EXPECT_EQ(p.interval(), 1);
}

// A loop that runs at every animation frame and paces itself (the browser's) builds a frame once
// interval − ½ refreshes have passed, so an animation frame the browser skipped costs less than a
// refresh: at two refreshes a frame, callbacks 16.7 and 33.3 ms after the last frame begin none and
// one, and one that comes 50 ms after it (the one at 33.3 skipped) begins one at once.
TEST(FramePacer, AFrameIsDueHalfARefreshBeforeItsInterval) {
  bplab::FramePacer p;
  run(p, kJudderingPage, 2 * bplab::FramePacer::kWindow);
  ASSERT_EQ(p.interval(), 2);
  EXPECT_FALSE(p.due(k60Hz));
  EXPECT_FALSE(p.due(1.4 * k60Hz));
  EXPECT_TRUE(p.due(1.5 * k60Hz));
  EXPECT_TRUE(p.due(2 * k60Hz));
  EXPECT_TRUE(p.due(3 * k60Hz));
  bplab::FramePacer fresh;  // one refresh a frame: every animation frame
  EXPECT_TRUE(fresh.due(k60Hz));
}

}  // namespace
