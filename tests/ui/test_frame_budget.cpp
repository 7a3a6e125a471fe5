#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "frame_budget.h"

namespace {

constexpr double kVsyncMs = 1000.0 / 60.0;

// Runs `frames` frames of a page whose frame interval is interval(budget) for the budget the
// controller grants; returns the mean frame rate over the last half (probe frames included).
double run(lab::FrameBudget& b, int frames, const std::function<double(double)>& interval) {
  double sum = 0;
  int counted = 0;
  double dt = interval(0);
  for (int k = 0; k < frames; ++k) {
    b.observe(dt, true);
    dt = interval(b.budget_ms());
    if (k >= frames / 2) {
      sum += dt;
      ++counted;
    }
  }
  return 1000.0 * counted / sum;
}

void idle(lab::FrameBudget& b, double dt, int frames = 200) {
  for (int k = 0; k < frames; ++k) b.observe(dt, false);
}

TEST(FrameBudget, LearnsTheIdleIntervalWhileNotTraining) {
  lab::FrameBudget b;
  idle(b, 40.0);
  EXPECT_NEAR(b.idle_interval_ms(), 40.0, 0.1);
  b.observe(5000.0, false);  // a stall says nothing about the frame rate
  EXPECT_NEAR(b.idle_interval_ms(), 40.0, 0.1);
}

TEST(FrameBudget, ProbesTwoFramesInEveryPeriodWithoutTraining) {
  lab::FrameBudget b;
  idle(b, 20.0);
  int probes = 0;
  for (int k = 0; k < 10 * lab::FrameBudget::kProbePeriod; ++k) {
    b.observe(20.0, true);
    if (b.budget_ms() == 0) ++probes;
  }
  EXPECT_EQ(probes, 20);
  b.observe(20.0, false);
  EXPECT_GT(b.budget_ms(), 0) << "no probes while not training";
}

// A CPU-bound page: every frame costs drawing plus the training time.
TEST(FrameBudget, SettlesWithinTheFrameRateTargetWhenTrainingLengthensFrames) {
  lab::FrameBudget b;
  const double draw_ms = 40.0;
  idle(b, draw_ms);
  const double fps = run(b, 3000, [&](double budget) { return draw_ms + budget; });
  EXPECT_GE(fps, 0.9 * 1000.0 / draw_ms);
  EXPECT_GT(b.budget_ms() == 0 ? 1.0 : b.budget_ms(), 0.9) << "trains more than the floor";
}

// A vsync-bound page: frames take whole vsync intervals; training fits in the slack until the
// drawing plus training misses a vsync.
TEST(FrameBudget, FillsTheSlackBeforeTheNextVsync) {
  lab::FrameBudget b;
  const auto interval = [](double budget) { return std::ceil((10.0 + budget) / kVsyncMs) * kVsyncMs; };
  idle(b, interval(0));
  const double fps = run(b, 3000, interval);
  EXPECT_GE(fps, 0.9 * 60.0);
  double trained = 0;
  for (int k = 0; k < 300; ++k) {
    b.observe(interval(b.budget_ms()), true);
    trained += b.budget_ms();
  }
  EXPECT_GT(trained / 300, 3.0) << "most of the 6.7 ms slack should go to training";
}

// The drawing gets dearer while training (as a trained network's diagram does): the probes must
// follow it, or the budget would be held at its floor by a stale idle rate.
TEST(FrameBudget, FollowsTheIdleRateWhileTraining) {
  lab::FrameBudget b;
  idle(b, 30.0);
  const auto interval = [](double budget) { return 40.0 + 0.5 * budget; };
  run(b, 3000, interval);
  EXPECT_NEAR(b.idle_interval_ms(), 40.0, 1.0);
  double trained = 0;
  for (int k = 0; k < 300; ++k) {
    b.observe(interval(b.budget_ms()), true);
    trained += b.budget_ms();
  }
  EXPECT_GT(trained / 300, 2.0);
}

TEST(FrameBudget, KeepsAFloorWhereAnyTrainingSlowsDrawing) {
  lab::FrameBudget b;
  idle(b, 50.0);
  const auto interval = [](double budget) { return budget > 0 ? 70.0 : 50.0; };
  run(b, 3000, interval);
  EXPECT_NEAR(b.idle_interval_ms(), 50.0, 0.5);
  double least = 1e9;
  for (int k = 0; k < 100; ++k) {
    b.observe(interval(b.budget_ms()), true);
    if (b.budget_ms() > 0) least = std::min(least, b.budget_ms());
  }
  EXPECT_NEAR(least, 0.05 * b.idle_interval_ms(), 1e-9);
}

TEST(FrameBudget, NeverExceedsTheIdleInterval) {
  lab::FrameBudget b;
  idle(b, 20.0);
  run(b, 3000, [](double) { return 20.0; });
  EXPECT_NEAR(b.budget_ms() == 0 ? 20.0 : b.budget_ms(), 20.0, 1e-9);
}

}  // namespace
