#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "frame_budget.h"

namespace {

constexpr double kVsyncMs = 1000.0 / 60.0;

// What a simulated page did over the second half of a run.
struct Outcome {
  double fps = 0;          // mean frame rate
  double mean_budget = 0;  // mean training budget granted per frame
  double most_budget = 0;  // the largest budget granted
};

// Runs `frames` frames of a page asked for frames `asked_ms` apart whose frame k takes
// interval(budget, k) for the budget the controller grants, and reports on the second half.
Outcome run(bplab::FrameBudget& b, double asked_ms, int frames,
            const std::function<double(double, int)>& interval, int refreshes = 1) {
  double time = 0, budget = 0;
  Outcome out;
  int counted = 0;
  double dt = interval(0, 0);
  for (int k = 0; k < frames; ++k) {
    b.observe(dt, asked_ms / refreshes, refreshes, true);
    dt = interval(b.budget_ms(), k);
    if (k >= frames / 2) {
      time += dt;
      budget += b.budget_ms();
      out.most_budget = std::max(out.most_budget, b.budget_ms());
      ++counted;
    }
  }
  out.fps = 1000.0 * counted / time;
  out.mean_budget = budget / counted;
  return out;
}

// A vsync-bound page paced at `refreshes` refreshes a frame whose drawing takes draw_ms plus
// `contention` ms per ms of training (training competes with the rasteriser for the cores).
std::function<double(double, int)> paced_page(int refreshes, double draw_ms, double contention) {
  return [=](double budget, int) {
    const double needed = std::ceil((draw_ms + contention * budget) / kVsyncMs - 1e-9);
    return std::max<double>(refreshes, needed) * kVsyncMs;
  };
}

TEST(FrameBudget, FillsTheSlackOfAPacedFrame) {
  bplab::FrameBudget b;
  const double asked = 2 * kVsyncMs;
  const Outcome o = run(b, asked, 3000, paced_page(2, 15.0, 1.0), 2);
  EXPECT_GE(o.fps, 0.95 * 30.0);
  EXPECT_GT(o.mean_budget, 0.6 * (asked - 15.0)) << "most of the 18 ms slack goes to training";
  EXPECT_LE(o.most_budget, asked);
}

TEST(FrameBudget, FillsTheSlackWhereTrainingSlowsTheDrawing) {
  bplab::FrameBudget b;
  const Outcome o = run(b, kVsyncMs, 3000, paced_page(1, 8.0, 2.0));
  EXPECT_GE(o.fps, 0.9 * 60.0);
  EXPECT_GT(o.mean_budget, 2.0) << "(16.7 − 8) / 2 = 4.3 ms fit";
}

// Frames that come late whatever the budget (a garbage collection, another tab) must not
// starve training: the budget still settles well above the floor.
TEST(FrameBudget, ToleratesSomeLateFramesThatTrainingDidNotCause) {
  bplab::FrameBudget b;
  const double asked = 2 * kVsyncMs;
  const auto page = paced_page(2, 15.0, 1.0);
  const Outcome o = run(b, asked, 6000, [&](double budget, int k) {
    return k % 50 == 0 ? 3 * kVsyncMs : page(budget, k);  // 2 % of frames late anyway
  }, 2);
  EXPECT_GT(o.mean_budget, 0.4 * (asked - 15.0));
  EXPECT_GE(o.fps, 0.9 * 30.0);
}

// A page without vsync whose every millisecond of training lengthens the frame: the budget stays
// where frames are at most kLate longer than asked.
TEST(FrameBudget, KeepsACpuBoundPageWithinTheLateMargin) {
  bplab::FrameBudget b;
  const Outcome o = run(b, 30.0, 3000, [](double budget, int) { return 30.0 + budget; });
  EXPECT_GE(o.fps, 0.9 * 1000.0 / 30.0);
  EXPECT_GT(o.mean_budget, b.floor_ms());
}

TEST(FrameBudget, StaysAtTheFloorWhereEvenTheFloorMakesFramesLate) {
  bplab::FrameBudget b;
  const Outcome o = run(b, kVsyncMs, 3000, [](double, int) { return 2 * kVsyncMs; });
  EXPECT_DOUBLE_EQ(o.most_budget, b.floor_ms());
  EXPECT_DOUBLE_EQ(b.floor_ms(), bplab::FrameBudget::kFloor * kVsyncMs);
}

TEST(FrameBudget, NeverExceedsTheAskedInterval) {
  bplab::FrameBudget b;
  const Outcome o = run(b, 20.0, 3000, [](double, int) { return 20.0; });
  EXPECT_NEAR(o.most_budget, 20.0, 1e-9) << "training that costs nothing may fill the frame, no more";
}

TEST(FrameBudget, ChangesNothingWhileNotTrainingOrAfterAStall) {
  bplab::FrameBudget b;
  run(b, 2 * kVsyncMs, 1000, paced_page(2, 15.0, 1.0), 2);
  const double settled = b.budget_ms();
  b.observe(5000.0, kVsyncMs, 2, true);
  EXPECT_DOUBLE_EQ(b.budget_ms(), settled) << "a stall says nothing";
  for (int k = 0; k < 100; ++k) b.observe(3 * kVsyncMs, kVsyncMs, 2, false);
  EXPECT_DOUBLE_EQ(b.budget_ms(), settled) << "late frames while paused are not training's";
}

// Training begins at the floor, so that the pacer first sees what the drawing costs alone.
TEST(FrameBudget, BeginsEachTrainingRunWithAWarmUpAtTheFloor) {
  bplab::FrameBudget b;
  run(b, 2 * kVsyncMs, 1000, paced_page(2, 15.0, 1.0), 2);
  b.observe(2 * kVsyncMs, kVsyncMs, 2, false);
  for (int k = 0; k < bplab::FrameBudget::kWarmUpFrames; ++k) {
    b.observe(2 * kVsyncMs, kVsyncMs, 2, true);
    EXPECT_DOUBLE_EQ(b.budget_ms(), b.floor_ms()) << "frame " << k;
    EXPECT_FALSE(b.warmed_up());
  }
  b.observe(2 * kVsyncMs, kVsyncMs, 2, true);
  EXPECT_TRUE(b.warmed_up());
  EXPECT_GT(b.budget_ms(), b.floor_ms());
}

}  // namespace
