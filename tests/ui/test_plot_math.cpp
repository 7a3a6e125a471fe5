#include "plot_math.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace lab::plot {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(ValueRange, SkipsNonFiniteAndHonoursFrom) {
  const std::vector<double> v = {100, kNaN, 3, -2, kInf, 7, -kInf};
  Range r;
  ASSERT_TRUE(value_range(v.data(), v.size(), 0, false, &r));
  EXPECT_EQ(r.lo, -2);
  EXPECT_EQ(r.hi, 100);
  ASSERT_TRUE(value_range(v.data(), v.size(), 2, false, &r));
  EXPECT_EQ(r.hi, 7);
}

TEST(ValueRange, PositiveOnlyForLogAxes) {
  const std::vector<double> v = {0, -1, 0.5, 2};
  Range r;
  ASSERT_TRUE(value_range(v.data(), v.size(), 0, true, &r));
  EXPECT_EQ(r.lo, 0.5);
  const std::vector<double> none = {0, -1, kNaN};
  EXPECT_FALSE(value_range(none.data(), none.size(), 0, true, &r));
  EXPECT_FALSE(value_range(v.data(), v.size(), 4, false, &r));
}

TEST(PadRange, LinearAndDegenerate) {
  Range r = pad_range({0, 10}, 0.1, false);
  EXPECT_DOUBLE_EQ(r.lo, -1);
  EXPECT_DOUBLE_EQ(r.hi, 11);
  r = pad_range({4, 4}, 0.1, false);
  EXPECT_DOUBLE_EQ(r.lo, 2);
  EXPECT_DOUBLE_EQ(r.hi, 6);
  r = pad_range({0, 0}, 0.1, false);
  EXPECT_DOUBLE_EQ(r.lo, -0.5);
  EXPECT_DOUBLE_EQ(r.hi, 0.5);
}

TEST(PadRange, LogPadsInDecades) {
  Range r = pad_range({1, 100}, 0.5, true);
  EXPECT_NEAR(r.lo, 0.1, 1e-12);
  EXPECT_NEAR(r.hi, 1000, 1e-9);
  r = pad_range({0.01, 0.01}, 0.1, true);
  EXPECT_NEAR(r.lo, 0.001, 1e-15);
  EXPECT_NEAR(r.hi, 0.1, 1e-15);
}

TEST(NiceSteps, CeilAndFloorToTheLadder) {
  EXPECT_DOUBLE_EQ(nice_ceil(1000), 1000);
  EXPECT_DOUBLE_EQ(nice_ceil(1001), 1250);
  EXPECT_DOUBLE_EQ(nice_ceil(7.2), 8);
  EXPECT_DOUBLE_EQ(nice_ceil(8.01), 10);
  EXPECT_NEAR(nice_ceil(0.0031), 0.004, 1e-15);
  EXPECT_DOUBLE_EQ(nice_floor(1249), 1000);
  EXPECT_DOUBLE_EQ(nice_floor(9.99), 8);
  EXPECT_NEAR(nice_floor(0.0031), 0.003, 1e-15);
  EXPECT_EQ(nice_ceil(0), 0);
  EXPECT_EQ(nice_floor(-2), -2);
  // Never more than a third between neighbours, for values across many decades.
  for (double v = 1e-6; v < 1e9; v *= 1.07) {
    EXPECT_GE(nice_ceil(v), v);
    EXPECT_LE(nice_ceil(v), v * 4 / 3 * (1 + 1e-12));
    EXPECT_LE(nice_floor(v), v);
    EXPECT_GE(nice_floor(v), v * 3 / 4 * (1 - 1e-12));
  }
}

TEST(GrowingXRange, HoldsThePointsAndMovesOnlyInSteps) {
  // Whole history: from the first x to a nice end at or after the last.
  Range r = growing_x_range(0, 1001, 1);
  EXPECT_EQ(r.lo, 0);
  EXPECT_EQ(r.hi, 1250);
  // As the curve grows within a step the range stays; past it, it steps.
  int changes = 0;
  Range last = growing_x_range(1, 100, 1);
  for (double x = 100; x < 100000; x += 7) {
    const Range now = growing_x_range(1, x, 1);
    EXPECT_LE(now.lo, 1);
    EXPECT_GE(now.hi, x);
    EXPECT_LE(now.hi - now.lo, (x - 1) * 4 / 3 + 1e-9);
    changes += now.hi != last.hi;
    last = now;
  }
  EXPECT_LT(changes, 40);  // ten steps a decade, three decades
  // Zoomed to the last quarter: starts at or before where it begins, on an eighth of the span.
  changes = 0;
  last = growing_x_range(0, 1000, 0.25);
  for (double x = 1000; x < 2000; x += 1) {
    const Range now = growing_x_range(0, x, 0.25);
    EXPECT_LE(now.lo, x - 0.25 * x + 1e-9);
    EXPECT_GE(now.lo, x - 0.25 * x - 0.25 * x / 8 * 4 / 3 - 1e-9);
    EXPECT_GE(now.hi, x);
    changes += now.lo != last.lo || now.hi != last.hi;
    last = now;
  }
  EXPECT_LT(changes, 60);
  EXPECT_EQ(growing_x_range(5, 5, 1).lo, 5);  // one point: left to AxisMap to widen
}

TEST(FirstAtOrAfter, FindsTheIndex) {
  const std::vector<double> xs = {0, 10, 20, 30};
  EXPECT_EQ(first_at_or_after(xs, 15), 2u);
  EXPECT_EQ(first_at_or_after(xs, 20), 2u);
  EXPECT_EQ(first_at_or_after(xs, 31), 4u);
}

TEST(AxisMap, LinearWithDownwardScreenAxis) {
  const AxisMap y(Range{0, 10}, 200, 100, false);  // y grows upwards on screen
  float p = 0;
  ASSERT_TRUE(y.map(0, &p));
  EXPECT_FLOAT_EQ(p, 200);
  ASSERT_TRUE(y.map(5, &p));
  EXPECT_FLOAT_EQ(p, 150);
  EXPECT_NEAR(y.unmap(150), 5, 1e-6);
}

TEST(AxisMap, LogMapsDecadesEvenly) {
  const AxisMap y(Range{0.001, 10}, 0, 400, true);
  float p = 0;
  ASSERT_TRUE(y.map(0.01, &p));
  EXPECT_NEAR(p, 100, 1e-3);
  ASSERT_TRUE(y.map(1, &p));
  EXPECT_NEAR(p, 300, 1e-3);
  EXPECT_NEAR(y.unmap(200), 0.1, 1e-9);
  EXPECT_FALSE(y.map(0, &p));
  EXPECT_FALSE(y.map(-1, &p));
}

TEST(AxisMap, NeverReturnsNonFiniteCoordinates) {
  const AxisMap x(Range{0, 1}, 10, 110, false);
  float p = 0;
  EXPECT_FALSE(x.map(kNaN, &p));
  EXPECT_FALSE(x.map(kInf, &p));
  ASSERT_TRUE(x.map(1e300, &p));  // clamped overshoot, still finite
  EXPECT_TRUE(std::isfinite(p));
  EXPECT_LE(p, 10 + 100 * (1 + AxisMap::kMaxOvershoot));
  ASSERT_TRUE(x.map(-1e300, &p));
  EXPECT_GE(p, 10 - 100 * AxisMap::kMaxOvershoot);
}

TEST(AxisMap, RepairsBadRanges) {
  float p = 0;
  const AxisMap same(Range{3, 3}, 0, 100, false);  // degenerate → padded around 3
  ASSERT_TRUE(same.map(3, &p));
  EXPECT_FLOAT_EQ(p, 50);
  const AxisMap nan(Range{kNaN, 1}, 0, 100, false);
  ASSERT_TRUE(nan.map(0.5, &p));
  EXPECT_TRUE(std::isfinite(p));
  const AxisMap log_neg(Range{-1, 10}, 0, 100, true);
  ASSERT_TRUE(log_neg.map(5, &p));
  EXPECT_TRUE(std::isfinite(p));
  const AxisMap reversed(Range{10, 0}, 0, 100, false);
  ASSERT_TRUE(reversed.map(10, &p));
  EXPECT_FLOAT_EQ(p, 100);
}

TEST(LinearTicks, NiceSteps) {
  double t[16], step = 0;
  int n = linear_ticks(0, 1, 6, t, 16, &step);
  EXPECT_DOUBLE_EQ(step, 0.2);
  ASSERT_EQ(n, 6);
  EXPECT_DOUBLE_EQ(t[0], 0);
  EXPECT_NEAR(t[5], 1, 1e-12);
  n = linear_ticks(-0.37, 0.81, 5, t, 16, &step);
  EXPECT_DOUBLE_EQ(step, 0.5);
  ASSERT_EQ(n, 2);
  EXPECT_DOUBLE_EQ(t[0], 0);  // never "-0"
  EXPECT_FALSE(std::signbit(t[0]));
  EXPECT_DOUBLE_EQ(t[1], 0.5);
  n = linear_ticks(0, 12345, 5, t, 16, &step);
  EXPECT_DOUBLE_EQ(step, 5000);
  EXPECT_EQ(n, 3);
}

TEST(LinearTicks, AtMostMaxTicksAndCap) {
  double t[64], step = 0;
  for (double hi : {0.7, 1.0, 3.3, 9.99, 47.0, 1e6}) {
    for (int max_ticks = 2; max_ticks <= 10; ++max_ticks) {
      const int n = linear_ticks(0.013, hi, max_ticks, t, 64, &step);
      EXPECT_LE(n, max_ticks) << hi << " " << max_ticks;
      for (int k = 0; k < n; ++k) {
        EXPECT_GE(t[k], 0.013 - 1e-12);
        EXPECT_LE(t[k], hi + 1e-9);
      }
    }
  }
  EXPECT_EQ(linear_ticks(0, 100, 50, t, 3, &step), 3);
  EXPECT_EQ(linear_ticks(1, 1, 5, t, 64, &step), 0);
  EXPECT_EQ(linear_ticks(0, kInf, 5, t, 64, &step), 0);
  EXPECT_EQ(linear_ticks(kNaN, 1, 5, t, 64, &step), 0);
}

TEST(LogTicks, Decades) {
  double t[32];
  int n = log_ticks(1e-5, 1, 8, t, 32);
  ASSERT_EQ(n, 6);
  EXPECT_NEAR(t[0], 1e-5, 1e-20);
  EXPECT_NEAR(t[5], 1, 1e-12);
  n = log_ticks(1e-12, 1e3, 5, t, 32);  // 16 decades, at most 5 ticks: every 4th
  EXPECT_LE(n, 5);
  EXPECT_GE(n, 3);
}

TEST(LogTicks, FewDecadesGetTwoAndFive) {
  double t[32];
  const int n = log_ticks(0.015, 0.6, 8, t, 32);
  ASSERT_EQ(n, 5);  // 0.02 0.05 0.1 0.2 0.5
  EXPECT_NEAR(t[0], 0.02, 1e-15);
  EXPECT_NEAR(t[4], 0.5, 1e-15);
}

TEST(LogTicks, InsideOneDecadeFallsBackToLinear) {
  double t[32];
  const int n = log_ticks(0.31, 0.48, 5, t, 32);
  EXPECT_GE(n, 2);
  for (int k = 0; k < n; ++k) {
    EXPECT_GE(t[k], 0.31 - 1e-12);
    EXPECT_LE(t[k], 0.48 + 1e-12);
  }
  EXPECT_EQ(log_ticks(0, 1, 5, t, 32), 0);
}

TEST(FormatTick, DecimalsFollowTheStep) {
  char b[32];
  format_tick(0.2, 0.2, b, sizeof b);
  EXPECT_STREQ(b, "0.2");
  format_tick(1.0, 0.2, b, sizeof b);
  EXPECT_STREQ(b, "1.0");
  format_tick(5000, 5000, b, sizeof b);
  EXPECT_STREQ(b, "5000");
  format_tick(-1e-17, 0.1, b, sizeof b);
  EXPECT_STREQ(b, "0");
  format_tick(0.0015, 0.0005, b, sizeof b);
  EXPECT_STREQ(b, "0.0015");
  format_tick(1e-5, 0, b, sizeof b);
  EXPECT_STREQ(b, "1e-05");
  format_tick(2e7, 1e7, b, sizeof b);
  EXPECT_STREQ(b, "2e+07");
  format_tick(123.456, 0, b, 4);  // truncated, still terminated
  EXPECT_EQ(std::string(b).size(), 3u);
}

TEST(Histogram, BinsEdgesAndSkipsGarbage) {
  const std::vector<double> v = {-1, -0.5, 0, 0.25, 0.999, 1, 2, kNaN, kInf};
  Histogram h;
  bin_values(v.data(), v.size(), Range{-1, 1}, 4, &h);
  ASSERT_EQ(h.counts.size(), 4u);
  EXPECT_EQ(h.counts[0], 1);  // -1
  EXPECT_EQ(h.counts[1], 1);  // -0.5
  EXPECT_EQ(h.counts[2], 2);  // 0, 0.25
  EXPECT_EQ(h.counts[3], 2);  // 0.999 and the top edge 1
  EXPECT_EQ(h.total, 6);
  EXPECT_EQ(h.max_count, 2);
  EXPECT_DOUBLE_EQ(h.bin_width(), 0.5);
}

TEST(Histogram, DegenerateRangeAndReuse) {
  const std::vector<double> v = {3, 3, 3};
  Histogram h;
  bin_values(v.data(), v.size(), Range{3, 3}, 5, &h);
  EXPECT_EQ(h.total, 3);
  EXPECT_LT(h.range.lo, 3);
  EXPECT_GT(h.range.hi, 3);
  bin_values(v.data(), 0, Range{0, 1}, 0, &h);
  EXPECT_EQ(h.counts.size(), 1u);
  EXPECT_EQ(h.total, 0);
}

TEST(Histogram, SymmetricRange) {
  const std::vector<double> v = {0.5, -2, kNaN, 1};
  Range r = symmetric_range(v.data(), v.size());
  EXPECT_EQ(r.lo, -2);
  EXPECT_EQ(r.hi, 2);
  const std::vector<double> zeros = {0, 0, kInf};
  r = symmetric_range(zeros.data(), zeros.size());
  EXPECT_EQ(r.hi, 1);
}

TEST(HitTest, SegmentDistance) {
  EXPECT_DOUBLE_EQ(distance_to_segment(5, 3, 0, 0, 10, 0), 3);   // foot inside
  EXPECT_DOUBLE_EQ(distance_to_segment(-3, 4, 0, 0, 10, 0), 5);  // nearer end a
  EXPECT_DOUBLE_EQ(distance_to_segment(13, 4, 0, 0, 10, 0), 5);  // nearer end b
  EXPECT_DOUBLE_EQ(distance_to_segment(3, 4, 0, 0, 0, 0), 5);    // a == b
  EXPECT_NEAR(distance_to_segment(0, 10, 0, 0, 10, 10), std::sqrt(50.0), 1e-12);
}

TEST(HitTest, Circle) {
  EXPECT_TRUE(in_circle(3, 4, 0, 0, 5));
  EXPECT_FALSE(in_circle(3, 4.1, 0, 0, 5));
}

TEST(MagnitudeWidth, ClampsAndHandlesNonFinite) {
  EXPECT_FLOAT_EQ(magnitude_width(0, 2, 1, 5), 1);
  EXPECT_FLOAT_EQ(magnitude_width(-1, 2, 1, 5), 3);
  EXPECT_FLOAT_EQ(magnitude_width(100, 2, 1, 5), 5);
  EXPECT_FLOAT_EQ(magnitude_width(kNaN, 2, 1, 5), 5);
  EXPECT_FLOAT_EQ(magnitude_width(-kInf, 2, 1, 5), 5);
}

struct Pt {
  float x, y;
  bool operator==(const Pt& o) const { return x == o.x && y == o.y; }
};

// Per pixel column: the lowest and highest y of the points in it.
std::vector<std::pair<float, float>> column_spans(const std::vector<Pt>& pts) {
  std::vector<std::pair<float, float>> spans;
  float column = NAN;
  for (const Pt& p : pts) {
    if (std::floor(p.x) != column) spans.push_back({p.y, p.y});
    column = std::floor(p.x);
    spans.back() = {std::min(spans.back().first, p.y), std::max(spans.back().second, p.y)};
  }
  return spans;
}

TEST(KeepColumnExtremes, KeepsEachColumnsSpanAndEndsInOrder) {
  // 4 096 points of a noisy falling curve over 400 pixel columns, as a long loss curve draws.
  std::vector<Pt> in;
  for (int k = 0; k < 4096; ++k)
    in.push_back({10.0f + 400.0f * float(k) / 4096.0f, 50.0f + 30.0f * std::sin(0.7f * float(k)) + 0.01f * float(k)});
  std::vector<Pt> out = in;
  out.resize(keep_column_extremes(out.data(), out.size()));

  EXPECT_LE(out.size(), 4u * 400u + 4u);
  EXPECT_GT(out.size(), 400u);
  EXPECT_EQ(column_spans(out), column_spans(in));
  EXPECT_EQ(out.front(), in.front());
  EXPECT_EQ(out.back(), in.back());
  // A subsequence of the input: the line visits the kept points in the original order.
  std::size_t j = 0;
  for (const Pt& p : in)
    if (j < out.size() && p == out[j]) ++j;
  EXPECT_EQ(j, out.size());
}

TEST(KeepColumnExtremes, LeavesSparseLinesAlone) {
  const std::vector<Pt> in = {{0.5f, 3}, {1.5f, 1}, {2.2f, 7}, {2.9f, 2}, {4.0f, 5}};
  std::vector<Pt> out = in;
  EXPECT_EQ(keep_column_extremes(out.data(), out.size()), in.size());
  EXPECT_EQ(out, in);
  EXPECT_EQ(keep_column_extremes(out.data(), 0), 0u);
}

TEST(KeepColumnExtremes, OneColumnKeepsFirstLowHighLast) {
  std::vector<Pt> pts = {{3.1f, 5}, {3.2f, 9}, {3.3f, 1}, {3.4f, 6}, {3.5f, 4}, {3.6f, 8}};
  pts.resize(keep_column_extremes(pts.data(), pts.size()));
  const std::vector<Pt> expected = {{3.1f, 5}, {3.2f, 9}, {3.3f, 1}, {3.6f, 8}};
  EXPECT_EQ(pts, expected);
}

// Largest distance of any input point from the simplified polyline.
double worst_distance(const std::vector<Pt>& in, const std::vector<Pt>& out) {
  double worst = 0;
  for (const Pt& p : in) {
    double d = INFINITY;
    for (std::size_t k = 0; k + 1 < out.size(); ++k)
      d = std::min(d, distance_to_segment(p.x, p.y, out[k].x, out[k].y, out[k + 1].x, out[k + 1].y));
    worst = std::max(worst, d);
  }
  return worst;
}

TEST(SimplifyPolyline, ASmoothFallingCurveKeepsFewPointsWithinTolerance) {
  std::vector<Pt> in;
  for (int k = 0; k < 600; ++k) in.push_back({10.0f + 0.66f * float(k), 20.0f + 200.0f * std::exp(-float(k) / 80.0f)});
  std::vector<Pt> out = in;
  out.resize(simplify_polyline(out.data(), out.size(), 0.25f));
  EXPECT_LT(out.size(), 60u);
  EXPECT_LE(worst_distance(in, out), 0.25);
  EXPECT_EQ(out.front().x, in.front().x);
  EXPECT_EQ(out.back().x, in.back().x);
}

TEST(SimplifyPolyline, KeepsEveryCornerOfAZigzagTallerThanTheTolerance) {
  std::vector<Pt> in;
  for (int k = 0; k < 50; ++k) in.push_back({float(k), k % 2 ? 1.0f : 0.0f});
  std::vector<Pt> out = in;
  EXPECT_EQ(simplify_polyline(out.data(), out.size(), 0.25f), in.size());
  // A straight line keeps its ends only; two points stay two.
  std::vector<Pt> line;
  for (int k = 0; k < 100; ++k) line.push_back({float(k), 3.0f + 0.5f * float(k)});
  EXPECT_EQ(simplify_polyline(line.data(), line.size(), 0.25f), 2u);
  EXPECT_EQ(line[1].x, 99.0f);
  EXPECT_EQ(simplify_polyline(line.data(), 2, 0.25f), 2u);
}

TEST(SimplifyPolyline, APointBeyondTheEndsOfItsSegmentIsNotDropped) {
  // The middle point lies on the line through the ends but far outside the segment between them.
  std::vector<Pt> pts = {{0, 0}, {10, 0}, {5, 0}};
  EXPECT_EQ(simplify_polyline(pts.data(), pts.size(), 0.25f), 3u);
}

TEST(SimplifyPolylineInBands, StaysWithinToleranceAndAddingAPointChangesOnlyTheLastBand) {
  // A noisy falling curve, as a loss curve is, one point every 0.7 pixels.
  std::vector<Pt> in;
  unsigned seed = 1;
  for (int k = 0; k < 900; ++k) {
    seed = seed * 1103515245u + 12345u;
    const float noise = float((seed >> 16) % 1000) / 1000.0f * 6.0f;
    in.push_back({3.0f + 0.7f * float(k), 20.0f + 200.0f * std::exp(-float(k) / 150.0f) + noise});
  }
  std::vector<Pt> all = in;
  all.resize(simplify_polyline_in_bands(all.data(), all.size(), 0.25f, 3.0f, 16.0f));
  EXPECT_LT(all.size(), in.size());
  EXPECT_LE(worst_distance(in, all), 0.25);
  std::vector<Pt> fewer(in.begin(), in.end() - 1);
  fewer.resize(simplify_polyline_in_bands(fewer.data(), fewer.size(), 0.25f, 3.0f, 16.0f));
  // Every point kept before the last band is kept the same way with one point more.
  const float last_band = 3.0f + 16.0f * std::floor((in.back().x - 3.0f) / 16.0f);
  std::size_t same = 0;
  while (same < fewer.size() && fewer[same].x < last_band) ++same;
  ASSERT_GT(same, 100u);
  for (std::size_t k = 0; k < same; ++k) {
    EXPECT_EQ(fewer[k].x, all[k].x);
    EXPECT_EQ(fewer[k].y, all[k].y);
  }
}

// clear_fractions against measuring every other line at every candidate (the network diagram's
// former loop): the same fraction for every line, for layers of the diagram's shapes.
TEST(ClearFractions, SameAsMeasuringEveryOtherLine) {
  const std::vector<float> candidates = {0.5f, 0.42f, 0.58f, 0.34f, 0.66f, 0.26f, 0.74f,
                                         0.46f, 0.54f, 0.38f, 0.62f, 0.3f, 0.7f};
  const auto brute_force = [&](const std::vector<Line>& lines, float clearance) {
    std::vector<float> out;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const Line& a = lines[k];
      float best_t = 0.5f, best_clear = -1;
      for (float t : candidates) {
        const float px = a.ax + t * (a.bx - a.ax), py = a.ay + t * (a.by - a.ay);
        double clear = 1e9;
        for (std::size_t m = 0; m < lines.size(); ++m)
          if (m != k) clear = std::min(clear, distance_to_segment(px, py, lines[m].ax, lines[m].ay, lines[m].bx, lines[m].by));
        if (clear > best_clear) best_clear = float(clear), best_t = t;
        if (clear >= clearance) break;
      }
      out.push_back(best_t);
    }
    return out;
  };
  // Columns of units as the diagram places them: `from` units at x = 40, `to` units at x = 40 + w.
  const auto layer = [](int from, int to, float w, float gap) {
    std::vector<Line> lines;
    for (int j = 0; j < to; ++j)
      for (int i = 0; i < from; ++i)
        lines.push_back({40.0f, 300.0f + (i - 0.5f * (from - 1)) * gap, 40.0f + w, 300.0f + (j - 0.5f * (to - 1)) * gap});
    return lines;
  };
  int moved = 0;  // lines whose probe is not the first candidate: the search was put to work
  for (const auto& lines : {layer(16, 16, 60, 20), layer(7, 16, 60, 21), layer(16, 1, 80, 30),
                            layer(2, 4, 120, 40), layer(1, 1, 100, 10), layer(16, 16, 30, 12)}) {
    const std::vector<float> want = brute_force(lines, 4.0f);
    EXPECT_EQ(clear_fractions(lines, candidates, 4.0f), want);
    for (float t : want) moved += t != 0.5f;
  }
  EXPECT_GT(moved, 0);
}

}  // namespace
}  // namespace lab::plot
