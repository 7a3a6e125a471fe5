// EvaluationRefresh: the losses are evaluated after every change when paused and, while training,
// at clamp(50 / cost_ms, 5, 60) Hz, cost_ms the median of the last three evaluations.
#include "evaluation_refresh.h"

#include <gtest/gtest.h>

namespace {

using bplab::EvaluationRefresh;

TEST(EvaluationRefresh, RateFallsWithTheCostBetweenItsBounds) {
  EXPECT_EQ(EvaluationRefresh::hz(0), EvaluationRefresh::kMaxHz);     // nothing measured yet
  EXPECT_EQ(EvaluationRefresh::hz(0.05), EvaluationRefresh::kMaxHz);  // the default lab
  EXPECT_EQ(EvaluationRefresh::hz(5.0), 10.0);                        // 50 / 5
  EXPECT_EQ(EvaluationRefresh::hz(100.0), EvaluationRefresh::kMinHz);
}

TEST(EvaluationRefresh, CostIsTheMedianOfTheLastThree) {
  EvaluationRefresh r;
  EXPECT_EQ(r.cost_ms(), 0.0);
  r.observe(4.0);
  EXPECT_EQ(r.cost_ms(), 4.0);
  r.observe(40.0);  // one slow evaluation (the first after a change of network) does not decide
  r.observe(5.0);
  EXPECT_EQ(r.cost_ms(), 5.0);
  r.observe(6.0);  // 4 drops out: {40, 5, 6}
  r.observe(7.0);  // 40 drops out: {5, 6, 7}
  EXPECT_EQ(r.cost_ms(), 6.0);
}

TEST(EvaluationRefresh, ACheapEvaluationRunsEveryFrame) {
  EvaluationRefresh r;
  r.observe(0.05);
  for (int f = 0; f < 60; ++f) EXPECT_TRUE(r.due(f / 60.0, true)) << "frame " << f;
}

TEST(EvaluationRefresh, ACostlyOneRunsOncePerPeriodWhileTraining) {
  EvaluationRefresh r;
  r.observe(5.0);  // 10 Hz
  int evaluated = 0;
  // Frames of 30 fps for one second: due once 0.1 s − half a 60 Hz frame has passed, i.e. every
  // third frame (0.1 s apart): frames 0, 3, …, 27.
  for (int f = 0; f < 30; ++f) evaluated += r.due(f / 30.0, true);
  EXPECT_EQ(evaluated, 10);
  EXPECT_TRUE(r.due(29.5 / 30.0, false));  // paused: at once
}

}  // namespace
