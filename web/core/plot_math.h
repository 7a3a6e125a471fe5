// Plot maths for the lab's views, without any drawing: data ranges, linear and log-scale axis
// mapping, "nice" tick values, histogram binning, and hit-testing of the mouse against the
// diagram's lines and circles. Everything skips non-finite input, and nothing here ever returns a
// non-finite screen coordinate, so the views cannot hand NaN or ±inf to the renderer.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace lab::plot {

struct Range {
  double lo = 0, hi = 1;
  double span() const { return hi - lo; }
};

// The smallest and largest finite value of v[from … n), counting only v > 0 when positive_only
// (a log axis cannot show the rest). False when there is none.
bool value_range(const double* v, std::size_t n, std::size_t from, bool positive_only, Range* out);

// Widens r by `fraction` of its span on both sides (of its decades when log), so curves do not
// touch the frame. A degenerate range (lo == hi) becomes one around the value: ±max(|v|/2, 0.5)
// linearly, a factor of 10 either way on a log axis.
Range pad_range(Range r, double fraction, bool log);

// Index of the first x ≥ x_from in the ascending xs (xs.size() when none).
std::size_t first_at_or_after(const std::vector<double>& xs, double x_from);

// The nearest of 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ᵏ at or above v (nice_ceil) or at or
// below it (nice_floor), for v > 0; other values are returned as they are. Consecutive values are
// at most a third apart, so an axis end stepped this way wastes at most a quarter of the plot.
double nice_ceil(double v);
double nice_floor(double v);

// The x range of a curve that grows to the right, over [x_first, x_last] or "zoomed to recent",
// the last `fraction` ∈ (0, 1] of it. Its ends move in steps (the end a nice_ceil() of the span
// shown, a zoomed start a multiple of an eighth of it), not with every new point: the points
// already drawn keep their pixels between steps, and only the curve's newest end is drawn again.
// The start lies at or before where the last `fraction` begins, and the end at or after x_last.
Range growing_x_range(double x_first, double x_last, double fraction);

// Maps data values onto a screen interval [p0, p1] (p1 < p0 for a y axis pointing up):
//   t = (f(v) − f(lo)) / (f(hi) − f(lo)),  p = p0 + t · (p1 − p0),  f = log₁₀ when log, else id.
// map() refuses non-finite values (and v ≤ 0 on a log axis) and clamps t to [−kMaxOvershoot,
// 1 + kMaxOvershoot], so a wild value still yields a finite coordinate near the frame.
struct AxisMap {
  static constexpr double kMaxOvershoot = 4.0;
  double lo = 0, hi = 1;
  float p0 = 0, p1 = 1;
  bool log = false;

  AxisMap() = default;
  // A degenerate or invalid range is replaced by a padded one (see pad_range()).
  AxisMap(Range r, float p0, float p1, bool log);
  bool map(double v, float* p) const;
  // The inverse of map(), for reading the mouse position back as a data value.
  double unmap(float p) const;
};

// Tick values: "nice" steps 1, 2 or 5 × 10ᵏ giving at most max_ticks ticks inside [lo, hi].
// Writes up to `cap` ascending values into out and returns how many; *step (may be nullptr)
// receives the step, which format_tick() uses to choose the number of decimals.
int linear_ticks(double lo, double hi, int max_ticks, double* out, int cap, double* step);
// Log axis ticks: powers of ten inside [lo, hi] (every k-th decade when there are more than
// max_ticks), plus 2 and 5 × 10ᵏ when the range spans less than two decades. lo > 0.
int log_ticks(double lo, double hi, int max_ticks, double* out, int cap);

// Short tick text: fixed decimals enough to tell neighbouring ticks apart (step > 0), or
// scientific notation for very small or large magnitudes ("1e-05"). Always NUL-terminated.
void format_tick(double v, double step, char* buf, std::size_t size);

// Histogram of the finite values of v over [lo, hi) in equal bins; the top edge hi falls into the
// last bin. Non-finite values and values outside the range are not counted. counts is resized
// (reusing its capacity). bin(k) = [lo + k·w, lo + (k+1)·w), w = (hi − lo) / bins.
struct Histogram {
  Range range;
  std::vector<int> counts;
  int max_count = 0;
  int total = 0;  // values counted
  double bin_width() const { return counts.empty() ? 0 : range.span() / double(counts.size()); }
};
void bin_values(const double* v, std::size_t n, Range range, int bins, Histogram* out);
// A range symmetric about zero that holds every finite value: [−m, m], m = max |v| (1 when all
// are zero or none is finite), so that the bin edges are centred on 0 and both signs compare.
Range symmetric_range(const double* v, std::size_t n);

// Distance from point p to the segment a–b (to the nearer end when the foot of the
// perpendicular falls outside it; to a when a == b).
double distance_to_segment(double px, double py, double ax, double ay, double bx, double by);
bool in_circle(double px, double py, double cx, double cy, double r);

// A line from a to b, in screen coordinates.
struct Line {
  float ax, ay, bx, by;
};
// Click points on lines that all span the same x interval (every ax equal, every bx equal: one
// layer's connections in the network diagram): for each line, the first fraction t of
// `candidates`, in order, at which its point a + t·(b − a) lies at least `clearance` from every
// other line (distance_to_segment), or else the candidate with the most clearance. The result of
// measuring every other line at every candidate, found faster: at the point's x, a line whose
// height differs by Δy is at least |Δy|·cos φ away (φ: its angle to the x axis, cos φ ≥ the
// steepest line's), so visiting the others in order of height stops once that bound passes the
// nearest found. A layer of 16 × 16 lines took ~30 ms in the browser the brute-force way.
std::vector<float> clear_fractions(const std::vector<Line>& lines, const std::vector<float>& candidates,
                                   float clearance);

// Thins a polyline in screen coordinates to what a pixel grid can show. Of each run of
// consecutive points in the same pixel column (same ⌊x⌋), only the first, the lowest, the highest
// and the last are kept, in their order; the line then covers the same vertical span in every
// column and meets the next column at the same point. A loss curve of 4 096 points over a plot
// 400 pixels wide keeps at most 1 600, and a software rasteriser draws far fewer slivers.
// P has float members x and y. Thins pts[0 … n) in place and returns the new count.
template <typename P>
std::size_t keep_column_extremes(P* pts, std::size_t n) {
  std::size_t out = 0;
  for (std::size_t begin = 0; begin < n;) {
    const float column = std::floor(pts[begin].x);
    std::size_t end = begin + 1, lo = begin, hi = begin;
    for (; end < n && std::floor(pts[end].x) == column; ++end) {
      if (pts[end].y < pts[lo].y) lo = end;
      if (pts[end].y > pts[hi].y) hi = end;
    }
    // Indices in ascending order; writing to out ≤ begin never overwrites a point still to be read.
    std::size_t keep[4] = {begin, std::min(lo, hi), std::max(lo, hi), end - 1};
    for (int k = 0; k < 4; ++k)
      if (k == 0 || keep[k] != keep[k - 1]) pts[out++] = pts[keep[k]];
    begin = end;
  }
  return out;
}

// Simplifies a polyline in screen coordinates (Douglas–Peucker): drops every point that lies
// within `tolerance` pixels of the segment joining the points kept either side of it, so no
// dropped point is further than `tolerance` from the line drawn. A falling loss curve of hundreds
// of points keeps a few dozen; a software rasteriser pays per triangle, and each segment of an
// anti-aliased line is six. Simplifies pts[0 … n) in place and returns the new count. The first
// and last points are always kept.
template <typename P>
std::size_t simplify_polyline(P* pts, std::size_t n, float tolerance) {
  if (n < 3) return n;
  std::vector<unsigned char> keep(n, 0);
  keep[0] = keep[n - 1] = 1;
  std::vector<std::pair<std::size_t, std::size_t>> spans = {{0, n - 1}};
  while (!spans.empty()) {
    const auto [a, b] = spans.back();
    spans.pop_back();
    double worst = -1;
    std::size_t at = a;
    for (std::size_t k = a + 1; k < b; ++k) {
      const double d = distance_to_segment(pts[k].x, pts[k].y, pts[a].x, pts[a].y, pts[b].x, pts[b].y);
      if (d > worst) worst = d, at = k;
    }
    if (worst <= tolerance) continue;
    keep[at] = 1;
    if (at - a > 1) spans.push_back({a, at});
    if (b - at > 1) spans.push_back({at, b});
  }
  std::size_t out = 0;
  for (std::size_t k = 0; k < n; ++k)
    if (keep[k]) pts[out++] = pts[k];
  return out;
}

// Line width encoding a magnitude: min_w + (max_w − min_w) · min(|v| / full, 1); non-finite
// |v| counts as full, so a blown-up weight is drawn at the maximum width, not at NaN.
float magnitude_width(double v, double full, float min_w, float max_w);

// simplify_polyline() applied to each run of points that share a band of `band` pixel columns,
// counted from x0: a point added at the end of a curve then changes only the simplification of
// the last band, and the rest of the line is drawn with the same triangles as before. Each band's
// first and last points are kept, so the line still passes within `tolerance` of every point.
template <typename P>
std::size_t simplify_polyline_in_bands(P* pts, std::size_t n, float tolerance, float x0, float band) {
  std::size_t out = 0;
  for (std::size_t begin = 0; begin < n;) {
    const float id = std::floor((pts[begin].x - x0) / band);
    std::size_t end = begin + 1;
    while (end < n && std::floor((pts[end].x - x0) / band) == id) ++end;
    const std::size_t kept = simplify_polyline(pts + begin, end - begin, tolerance);
    std::copy(pts + begin, pts + begin + kept, pts + out);  // out ≤ begin
    out += kept;
    begin = end;
  }
  return out;
}

}  // namespace lab::plot
