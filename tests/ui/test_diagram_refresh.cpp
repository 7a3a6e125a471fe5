// DiagramRefresh: the network diagram follows the weights every frame when paused and at
// clamp(8000 / connections, 4, 15) Hz while training.
#include "diagram_refresh.h"

#include <gtest/gtest.h>

namespace {

using bplab::DiagramRefresh;

TEST(DiagramRefresh, RateFallsWithTheConnectionsBetweenItsBounds) {
  EXPECT_EQ(DiagramRefresh::hz(18), DiagramRefresh::kMaxHz);     // the default lab, 2-4-2-1 with 2 features
  EXPECT_EQ(DiagramRefresh::hz(800), 10.0);                      // 8000 / 800
  EXPECT_NEAR(DiagramRefresh::hz(1408), 5.68, 0.01);             // the largest: 7-16×6-1
  EXPECT_EQ(DiagramRefresh::hz(100000), DiagramRefresh::kMinHz);
  EXPECT_EQ(DiagramRefresh::hz(0), DiagramRefresh::kMaxHz);
}

TEST(DiagramRefresh, PausedTakesTheWeightsEveryFrame) {
  DiagramRefresh r;
  for (int f = 0; f < 5; ++f) EXPECT_TRUE(r.due(f / 60.0, false, 1408)) << "frame " << f;
}

TEST(DiagramRefresh, TrainingTakesThemOncePerPeriod) {
  DiagramRefresh r;
  const long connections = 800;  // 10 Hz: every 0.1 s
  int taken = 0;
  // Frames 16 ms apart: taken at frames 0, 7, 14, …, 56 (0.112 s apart).
  for (int f = 0; f < 60; ++f) taken += r.due(f * 0.016, true, connections);
  EXPECT_EQ(taken, 9);
  EXPECT_FALSE(r.due(60 * 0.016, true, connections));
  EXPECT_TRUE(r.due(61 * 0.016, false, connections));  // paused again: at once
}

TEST(DiagramRefresh, ExpireTakesThemAtTheNextFrame) {
  DiagramRefresh r;
  EXPECT_TRUE(r.due(1.0, true, 800));
  EXPECT_FALSE(r.due(1.01, true, 800));
  r.expire();
  EXPECT_TRUE(r.due(1.02, true, 800));
  EXPECT_FALSE(r.due(1.03, true, 800));
}

}  // namespace
