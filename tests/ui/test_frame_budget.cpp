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

TEST(FrameBudget, FillsTheTimeDrawingLeavesFree) {
  lab::FrameBudget b;
  for (int k = 0; k < 200; ++k) b.observe(20.0, false);
  // Vsync-bound: the frame lasts 20 ms however long training takes within it, so training may
  // fill the whole idle interval.
  for (int k = 0; k < 100; ++k) b.observe(20.0, true, b.budget_ms());
  EXPECT_NEAR(b.budget_ms(), 20.0, 1e-3) << "capped at the idle interval";
  lab::FrameBudget c;
  for (int k = 0; k < 200; ++k) c.observe(20.0, false);
  for (int k = 0; k < 100; ++k) c.observe(15.0 + c.budget_ms(), true, c.budget_ms());
  EXPECT_NEAR(c.budget_ms(), 20.0 / 0.92 - 15.0, 1e-3);
}

TEST(FrameBudget, KeepsAFloorWhenDrawingAloneMissesTheTarget) {
  lab::FrameBudget b;
  for (int k = 0; k < 200; ++k) b.observe(50.0, false);
  for (int k = 0; k < 100; ++k) b.observe(70.0 + b.budget_ms(), true, b.budget_ms());
  EXPECT_NEAR(b.budget_ms(), 5.0, 1e-3);
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
    b.observe(dt, true, b.budget_ms());
    if (k > 1000) worst_late = std::max(worst_late, dt);
  }
  EXPECT_GT(b.budget_ms(), 1.0);
  EXPECT_GE(render_ms / worst_late, 0.9) << "frame rate fell below 90 % of idle";
}

}  // namespace
