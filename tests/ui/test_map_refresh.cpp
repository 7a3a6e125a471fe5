// MapRefresh: the training map's grid and refresh rate from measured redraw costs, against a
// renderer whose redraws cost c₀ + s·n for n texels.
#include "map_refresh.h"

#include <gtest/gtest.h>

namespace {

using bplab::MapRefresh;

// Feeds MapRefresh `redraws` redraws at its current grid, each costing fixed + slope·grid².
void redraw(MapRefresh* m, double fixed, double slope, int redraws) {
  for (int i = 0; i < redraws; ++i) {
    const long texels = long(m->grid()) * m->grid();
    m->observe(texels, fixed + slope * double(texels));
  }
}

TEST(MapRefresh, KeepsTheFinestGridAndFullRateUntilMeasured) {
  MapRefresh m;
  EXPECT_EQ(m.grid(), MapRefresh::kMaxGrid);
  EXPECT_EQ(m.hz(), MapRefresh::kMaxHz);
  EXPECT_EQ(m.redraw_ms(), 0);
}

TEST(MapRefresh, ACheapMapStaysAtTheFinestGrid) {
  MapRefresh m;
  redraw(&m, 0.5, 1e-5, 10);  // 128²: 0.66 ms
  EXPECT_EQ(m.grid(), MapRefresh::kMaxGrid);
  EXPECT_EQ(m.hz(), MapRefresh::kMaxHz);
}

TEST(MapRefresh, ACostlyMapSettlesAtTheLargestGridWithinTheLimitThenComesBack) {
  MapRefresh m;
  // 0.5 + 4e-4·g² ≤ 3 ms: g ≤ 79, so 64 (80 would cost 3.06 ms).
  redraw(&m, 0.5, 4e-4, 20);
  EXPECT_EQ(m.grid(), 64);
  EXPECT_LE(m.redraw_ms(), MapRefresh::kRedrawMs);
  EXPECT_EQ(m.hz(), MapRefresh::kMaxHz);
  // The network shrinks: once most of the last redraws are cheap, the grid grows back.
  redraw(&m, 0.5, 1e-6, 10);
  EXPECT_EQ(m.grid(), MapRefresh::kMaxGrid);
  EXPECT_EQ(m.hz(), MapRefresh::kMaxHz);
}

TEST(MapRefresh, OneSlowRedrawDoesNotMoveTheGrid) {
  MapRefresh m;
  redraw(&m, 0.5, 1e-5, 5);
  m.observe(128 * 128, 100.0);  // a first redraw with a new shader, say
  EXPECT_EQ(m.grid(), MapRefresh::kMaxGrid);
}

TEST(MapRefresh, BelowTheSmallestGridTheRefreshRateDrops) {
  MapRefresh m;
  // Even 32² costs 0.5 + 0.01·1024 = 10.74 ms: hz = 1000 · 0.03 / 10.74.
  redraw(&m, 0.5, 0.01, 20);
  EXPECT_EQ(m.grid(), MapRefresh::kMinGrid);
  EXPECT_NEAR(m.hz(), 30.0 / m.redraw_ms(), 1e-9);
  EXPECT_LT(m.hz(), MapRefresh::kMaxHz);
  redraw(&m, 0.5, 1.0, 5);  // a second a redraw: the rate stops at its floor
  EXPECT_EQ(m.hz(), MapRefresh::kMinHz);
}

TEST(MapRefresh, ACostNearTheLimitDoesNotFlipBetweenTwoGrids) {
  MapRefresh m;
  // 112² costs 2.9 ms (within 3), 128² 3.7 ms: the grid settles at 112 and stays there.
  const double fixed = 0.5, slope = 2.4 / (112.0 * 112.0);
  redraw(&m, fixed, slope, 20);
  EXPECT_EQ(m.grid(), 112);
  for (int i = 0; i < 20; ++i) {
    redraw(&m, fixed, slope, 1);
    EXPECT_EQ(m.grid(), 112);
  }
}

TEST(MapRefresh, IgnoresEmptyOrInvalidMeasurements) {
  MapRefresh m;
  m.observe(0, 5.0);
  m.observe(100, -1.0);
  EXPECT_EQ(m.redraw_ms(), 0);
  EXPECT_EQ(m.grid(), MapRefresh::kMaxGrid);
}

}  // namespace
