#include "plot_math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lab::plot {
namespace {

// Relative slack for comparisons of tick positions, so that lo = 0.1 still gets the tick 0.1
// although 0.1 / 0.1 may round just above 1.
constexpr double kTickSlack = 1e-9;

Range sorted(Range r) {
  if (r.lo > r.hi) std::swap(r.lo, r.hi);
  return r;
}

bool valid(Range r, bool log) {
  return std::isfinite(r.lo) && std::isfinite(r.hi) && (!log || (r.lo > 0 && r.hi > 0));
}

}  // namespace

bool value_range(const double* v, std::size_t n, std::size_t from, bool positive_only, Range* out) {
  bool any = false;
  double lo = 0, hi = 0;
  for (std::size_t k = from; k < n; ++k) {
    const double x = v[k];
    if (!std::isfinite(x) || (positive_only && x <= 0)) continue;
    if (!any) {
      lo = hi = x;
      any = true;
    } else {
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
  }
  if (any) *out = Range{lo, hi};
  return any;
}

Range pad_range(Range r, double fraction, bool log) {
  r = sorted(r);
  if (log) {
    if (r.lo == r.hi) return Range{r.lo / 10, r.hi * 10};
    const double llo = std::log10(r.lo), lhi = std::log10(r.hi), d = fraction * (lhi - llo);
    return Range{std::pow(10.0, llo - d), std::pow(10.0, lhi + d)};
  }
  if (r.lo == r.hi) {
    const double d = std::max(std::fabs(r.lo) / 2, 0.5);
    return Range{r.lo - d, r.hi + d};
  }
  const double d = fraction * r.span();
  return Range{r.lo - d, r.hi + d};
}

std::size_t first_at_or_after(const std::vector<double>& xs, double x_from) {
  return std::size_t(std::lower_bound(xs.begin(), xs.end(), x_from) - xs.begin());
}

namespace {
constexpr double kNiceSteps[] = {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
}  // namespace

double nice_ceil(double v) {
  if (!(v > 0) || !std::isfinite(v)) return v;
  const double decade = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : kNiceSteps)
    if (m * decade >= v) return m * decade;
  return v;  // not reached: 10 · decade > v
}

double nice_floor(double v) {
  if (!(v > 0) || !std::isfinite(v)) return v;
  const double decade = std::pow(10.0, std::floor(std::log10(v)));
  double out = decade / 10 * 8;  // v just below the decade log10 rounded to
  for (double m : kNiceSteps)
    if (m * decade <= v) out = m * decade;
  return out;
}

Range growing_x_range(double x_first, double x_last, double fraction) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  const double span = x_last - x_first;
  if (!(span > 0)) return Range{x_first, x_last};
  double from = x_first;
  if (fraction < 1) {
    const double shown = std::max(fraction * span, 1e-300);
    const double step = nice_ceil(shown) / 8;
    from = std::max(x_first, std::floor((x_last - shown) / step) * step);
  }
  return Range{from, from + nice_ceil(x_last - from)};
}

AxisMap::AxisMap(Range r, float p0_, float p1_, bool log_) : p0(p0_), p1(p1_), log(log_) {
  if (!valid(r, log)) r = log ? Range{1, 10} : Range{0, 1};
  r = sorted(r);
  if (r.lo == r.hi) r = pad_range(r, 0, log);
  lo = r.lo;
  hi = r.hi;
}

bool AxisMap::map(double v, float* p) const {
  if (!std::isfinite(v) || (log && v <= 0)) return false;
  const double t = log ? (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo))
                       : (v - lo) / (hi - lo);
  const double tc = std::clamp(t, -kMaxOvershoot, 1 + kMaxOvershoot);
  *p = float(p0 + tc * (double(p1) - p0));
  return true;
}

double AxisMap::unmap(float p) const {
  const double t = p1 == p0 ? 0.0 : (double(p) - p0) / (double(p1) - p0);
  if (log) return std::pow(10.0, std::log10(lo) + t * (std::log10(hi) - std::log10(lo)));
  return lo + t * (hi - lo);
}

int linear_ticks(double lo, double hi, int max_ticks, double* out, int cap, double* step) {
  if (!(std::isfinite(lo) && std::isfinite(hi) && hi > lo) || max_ticks < 2 || cap < 1) return 0;
  // step ≥ (hi − lo) / (max_ticks − 1) guarantees at most max_ticks ticks inside [lo, hi].
  const double raw = (hi - lo) / (max_ticks - 1);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  const double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  const double s = nice * mag;
  if (step) *step = s;
  const double k0 = std::ceil(lo / s - kTickSlack), k1 = std::floor(hi / s + kTickSlack);
  int n = 0;
  for (double k = k0; k <= k1 && n < cap; ++k) {
    const double v = k * s;
    out[n++] = std::fabs(v) < s * kTickSlack ? 0.0 : v;  // no "-0" tick
  }
  return n;
}

int log_ticks(double lo, double hi, int max_ticks, double* out, int cap) {
  if (!(std::isfinite(lo) && std::isfinite(hi) && lo > 0 && hi > lo) || max_ticks < 2 || cap < 1)
    return 0;
  const double llo = std::log10(lo), lhi = std::log10(hi);
  int n = 0;
  if (lhi - llo < 2) {
    // Few decades: 1, 2, 5 × 10ᵏ; when even those give fewer than two ticks (a range inside one
    // decade), linear ticks read better.
    static constexpr double kMantissas[] = {1, 2, 5};
    for (double e = std::floor(llo); e <= std::ceil(lhi) && n < cap; ++e) {
      for (double m : kMantissas) {
        const double v = m * std::pow(10.0, e);
        if (v >= lo * (1 - kTickSlack) && v <= hi * (1 + kTickSlack) && n < cap) out[n++] = v;
      }
    }
    if (n >= 2 && n <= max_ticks) return n;
    if (n < 2) return linear_ticks(lo, hi, max_ticks, out, cap, nullptr);
    n = 0;  // too many: fall through to whole decades
  }
  const double e0 = std::ceil(llo - kTickSlack), e1 = std::floor(lhi + kTickSlack);
  const double decades = e1 - e0 + 1;
  const double every = std::max(1.0, std::ceil(decades / max_ticks));
  for (double e = std::ceil(e0 / every) * every; e <= e1 && n < cap; e += every)
    out[n++] = std::pow(10.0, e);
  return n;
}

void format_tick(double v, double step, char* buf, std::size_t size) {
  if (size == 0) return;
  if (step > 0 && std::fabs(v) < step * kTickSlack) v = 0;
  if (v == 0) {
    std::snprintf(buf, size, "0");
  } else if (step >= 1e-4 && std::fabs(v) < 1e6) {
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + kTickSlack)), 0, 6);
    std::snprintf(buf, size, "%.*f", decimals, v);
  } else {
    std::snprintf(buf, size, "%.3g", v);
  }
}

void bin_values(const double* v, std::size_t n, Range range, int bins, Histogram* out) {
  range = sorted(range);
  if (!valid(range, false)) range = Range{-1, 1};
  if (range.lo == range.hi) range = pad_range(range, 0, false);
  bins = std::max(bins, 1);
  out->range = range;
  out->counts.assign(std::size_t(bins), 0);
  out->max_count = out->total = 0;
  const double scale = bins / range.span();
  for (std::size_t k = 0; k < n; ++k) {
    const double x = v[k];
    if (!(x >= range.lo && x <= range.hi)) continue;  // also drops NaN
    const int b = std::min(int((x - range.lo) * scale), bins - 1);
    const int c = ++out->counts[std::size_t(b)];
    out->max_count = std::max(out->max_count, c);
    ++out->total;
  }
}

Range symmetric_range(const double* v, std::size_t n) {
  double m = 0;
  for (std::size_t k = 0; k < n; ++k)
    if (std::isfinite(v[k])) m = std::max(m, std::fabs(v[k]));
  if (m == 0) m = 1;
  return Range{-m, m};
}

double distance_to_segment(double px, double py, double ax, double ay, double bx, double by) {
  const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  // Foot of the perpendicular at a + t·(b − a), t = ((p − a)·(b − a)) / |b − a|², clamped to [0, 1].
  const double t = len2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

std::vector<float> clear_fractions(const std::vector<Line>& lines, const std::vector<float>& candidates,
                                   float clearance) {
  const std::size_t n = lines.size();
  // cos φ of the steepest line: dx is the same for all, so it is the longest one's.
  double longest = 0;
  for (const Line& l : lines) longest = std::max(longest, std::hypot(double(l.bx - l.ax), double(l.by - l.ay)));
  const double cos_min = longest > 0 && n > 0 ? std::fabs(double(lines[0].bx - lines[0].ax)) / longest : 0.0;
  // For each candidate: each line's point (its height at that x) and the lines in order of height.
  struct Probe {
    std::vector<float> x, y;
    std::vector<std::size_t> order, rank;
  };
  std::vector<Probe> probes(candidates.size());
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    Probe& p = probes[c];
    const float t = candidates[c];
    for (const Line& l : lines) {
      p.x.push_back(l.ax + t * (l.bx - l.ax));
      p.y.push_back(l.ay + t * (l.by - l.ay));
    }
    p.order.resize(n);
    for (std::size_t k = 0; k < n; ++k) p.order[k] = k;
    std::sort(p.order.begin(), p.order.end(), [&p](std::size_t a, std::size_t b) { return p.y[a] < p.y[b]; });
    p.rank.resize(n);
    for (std::size_t r = 0; r < n; ++r) p.rank[p.order[r]] = r;
  }
  // The nearest other line to line k's point at candidate c (1e9 when there is none).
  const auto clearance_at = [&](std::size_t k, const Probe& p) {
    const double px = p.x[k], py = p.y[k];
    double clear = 1e9;
    const auto visit = [&](std::size_t m) {
      // The bound less a margin for the rounding of the heights, so no nearer line is skipped.
      if (std::fabs(double(p.y[m]) - py) * cos_min - 1e-3 >= clear) return false;
      const Line& l = lines[m];
      clear = std::min(clear, distance_to_segment(px, py, l.ax, l.ay, l.bx, l.by));
      return true;
    };
    for (std::size_t r = p.rank[k]; r-- > 0 && visit(p.order[r]);) {
    }
    for (std::size_t r = p.rank[k] + 1; r < n && visit(p.order[r]); ++r) {
    }
    return clear;
  };
  std::vector<float> fractions(n);
  for (std::size_t k = 0; k < n; ++k) {
    float best_t = candidates.empty() ? 0.5f : candidates[0], best_clear = -1;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      const double clear = clearance_at(k, probes[c]);
      if (clear > best_clear) {
        best_clear = float(clear);
        best_t = candidates[c];
      }
      if (clear >= clearance) break;
    }
    fractions[k] = best_t;
  }
  return fractions;
}

bool in_circle(double px, double py, double cx, double cy, double r) {
  const double dx = px - cx, dy = py - cy;
  return dx * dx + dy * dy <= r * r;
}

float magnitude_width(double v, double full, float min_w, float max_w) {
  const double a = std::fabs(v);
  const double t = (!std::isfinite(a) || full <= 0) ? 1.0 : std::min(a / full, 1.0);
  return float(min_w + (max_w - min_w) * t);
}

}  // namespace lab::plot
