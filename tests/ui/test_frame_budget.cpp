#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "frame_budget.h"

namespace {

constexpr double kVsyncMs = 1000.0 / 60.0;

// What a simulated page did over the second half of a run.
struct Outcome {
  double fps = 0;          // mean frame rate, probe frames included
  double mean_budget = 0;  // mean training budget granted per frame
  double most_budget = 0;  // the largest budget granted
};

// Runs `frames` frames of a page whose frame interval is interval(budget) for the budget the
// controller grants, and reports on the second half.
Outcome run(lab::FrameBudget& b, int frames, const std::function<double(double)>& interval) {
  double time = 0, budget = 0;
  Outcome out;
  int counted = 0;
  double dt = interval(0);
  for (int k = 0; k < frames; ++k) {
    b.observe(dt, true);
    dt = interval(b.budget_ms());
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

void idle(lab::FrameBudget& b, double dt, int frames = 200) {
  for (int k = 0; k < frames; ++k) b.observe(dt, false);
}

TEST(FrameBudget, LearnsTheIdleIntervalWhileNotTraining) {
  lab::FrameBudget b;
  idle(b, 40.0);
  EXPECT_NEAR(b.reference_interval_ms(), 40.0, 0.1);
  b.observe(5000.0, false);  // a stall says nothing about the frame rate
  EXPECT_NEAR(b.reference_interval_ms(), 40.0, 0.1);
}

TEST(FrameBudget, ProbesTwoFramesInEveryPeriodAtTheFloor) {
  lab::FrameBudget b;
  idle(b, 20.0);
  int probes = 0;
  for (int k = 0; k < 10 * lab::FrameBudget::kProbePeriod; ++k) {
    b.observe(20.0, true);
    if (b.budget_ms() == b.floor_ms()) ++probes;
  }
  EXPECT_EQ(probes, 20);
  EXPECT_DOUBLE_EQ(b.floor_ms(), 0.05 * b.reference_interval_ms());
  b.observe(20.0, false);
  EXPECT_GT(b.budget_ms(), b.floor_ms()) << "no probes while not training";
}

// A CPU-bound page: every frame costs drawing plus the training time.
TEST(FrameBudget, SettlesWithinTheFrameRateTargetWhenTrainingLengthensFrames) {
  lab::FrameBudget b;
  const double draw_ms = 40.0;
  idle(b, draw_ms);
  const Outcome o = run(b, 3000, [&](double budget) { return draw_ms + budget; });
  EXPECT_GE(o.fps, 0.9 * 1000.0 / draw_ms);
  EXPECT_GT(o.mean_budget, 1.5 * b.floor_ms()) << "trains more than the floor";
}

// A vsync-bound page: frames take whole vsync intervals; training fits in the slack until the
// drawing plus training misses a vsync.
TEST(FrameBudget, FillsTheSlackBeforeTheNextVsync) {
  lab::FrameBudget b;
  const auto interval = [](double budget) { return std::ceil((10.0 + budget) / kVsyncMs) * kVsyncMs; };
  idle(b, interval(0));
  const Outcome o = run(b, 3000, interval);
  EXPECT_GE(o.fps, 0.9 * 60.0);
  EXPECT_GT(o.mean_budget, 3.0) << "most of the 6.7 ms slack should go to training";
}

// The drawing gets dearer while training (as a trained network's diagram does): the probes must
// follow it, or the budget would be held at its floor by a stale reference rate.
TEST(FrameBudget, FollowsTheReferenceRateWhileTraining) {
  lab::FrameBudget b;
  idle(b, 30.0);
  const auto interval = [](double budget) { return 40.0 + 0.5 * budget; };
  const Outcome o = run(b, 3000, interval);
  EXPECT_NEAR(b.reference_interval_ms(), interval(b.floor_ms()), 0.5);
  EXPECT_GT(o.mean_budget, 2.0);
}

// A software-rendered page idling between 30 and 60 fps: any training at all costs frames their
// 60 Hz slot, and up to ~16 ms fits in the 30 Hz one. The reference becomes the 30 Hz rate (the
// floor's), and training fills the slot rather than idling at the floor for nothing.
TEST(FrameBudget, FillsTheVsyncSlotThatAnyTrainingCosts) {
  lab::FrameBudget b;
  const auto interval = [](double budget) {
    return budget <= 0 ? 27.0 : budget <= 16.0 ? 2 * kVsyncMs : 3 * kVsyncMs;
  };
  idle(b, 27.0);
  const Outcome o = run(b, 3000, interval);
  EXPECT_NEAR(b.reference_interval_ms(), 2 * kVsyncMs, 0.5);
  EXPECT_GE(o.fps, 0.9 * 30.0);
  EXPECT_GT(o.mean_budget, 8.0);
}

// Where each millisecond of training lengthens the frame by two, the budget stays near the floor.
TEST(FrameBudget, StaysNearTheFloorWhereTrainingIsDear) {
  lab::FrameBudget b;
  idle(b, 30.0);
  const auto interval = [](double budget) { return 30.0 + 2.0 * budget; };
  const Outcome o = run(b, 3000, interval);
  EXPECT_GE(o.fps, 0.9 * 1000.0 / interval(b.floor_ms()));
  EXPECT_LT(o.most_budget, 3 * b.floor_ms());
}

TEST(FrameBudget, NeverExceedsTheReferenceInterval) {
  lab::FrameBudget b;
  idle(b, 20.0);
  const Outcome o = run(b, 3000, [](double) { return 20.0; });
  EXPECT_NEAR(o.most_budget, 20.0, 1e-9) << "training that costs nothing may fill the frame, no more";
}

}  // namespace
