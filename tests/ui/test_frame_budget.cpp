#include <gtest/gtest.h>

#include <algorithm>

#include "frame_budget.h"

namespace {

TEST(FrameBudget, LearnsTheIdleIntervalWhileNotTraining) {
  lab::FrameBudget b;
  for (int k = 0; k < 200; ++k) b.observe(40.0, false);
  EXPECT_NEAR(b.idle_interval_ms(), 40.0, 0.1);
  b.observe(5000.0, false);  // a stall says nothing about the frame rate
  EXPECT_NEAR(b.idle_interval_ms(), 40.0, 0.1);
}

TEST(FrameBudget, GrowsWhileFramesKeepTheirRateAndShrinksWhenTheyDoNot) {
  lab::FrameBudget b;
  for (int k = 0; k < 200; ++k) b.observe(20.0, false);
  const double start = b.budget_ms();
  for (int k = 0; k < 50; ++k) b.observe(20.5, true);
  EXPECT_GT(b.budget_ms(), start);
  EXPECT_LE(b.budget_ms(), 20.0 + 1e-9);
  const double grown = b.budget_ms();
  b.observe(30.0, true);  // slower than 20 / 0.92
  EXPECT_LT(b.budget_ms(), grown);
  for (int k = 0; k < 100; ++k) b.observe(60.0, true);
  EXPECT_GE(b.budget_ms(), 0.5);
}

// A model of a CPU-bound page: every frame costs render_ms plus the training budget. The budget
// must settle where the frame rate is still ≥ 90 % of idle.
TEST(FrameBudget, SettlesWithinTheFrameRateTarget) {
  lab::FrameBudget b;
  const double render_ms = 50.0;
  for (int k = 0; k < 200; ++k) b.observe(render_ms, false);
  double worst_late = 0;
  for (int k = 0; k < 2000; ++k) {
    const double dt = render_ms + b.budget_ms();
    b.observe(dt, true);
    if (k > 1000) worst_late = std::max(worst_late, dt);
  }
  EXPECT_GT(b.budget_ms(), 1.0);
  EXPECT_LE(render_ms / worst_late, 1.0);
  EXPECT_GE(render_ms / worst_late, 0.9) << "frame rate fell below 90 % of idle";
}

}  // namespace
