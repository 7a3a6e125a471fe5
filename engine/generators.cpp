#include "generators.h"

#include <algorithm>
#include <cmath>

#include "rng.h"

namespace bp {
namespace {

constexpr double kPi = 3.14159265358979323846;
// Standard deviation of the input (or target) perturbation at noise = 1.
constexpr double kNoiseScale = 0.25;

const std::vector<DatasetInfo> kKinds = {
    {DatasetKind::Circle, "circle", true, 2},   {DatasetKind::Xor, "xor", true, 2},
    {DatasetKind::Gauss, "gauss", true, 2},     {DatasetKind::Spiral, "spiral", true, 2},
    {DatasetKind::Blobs3, "blobs3", true, 3},   {DatasetKind::Spiral3, "spiral3", true, 3},
    {DatasetKind::Blobs4, "blobs4", true, 4},   {DatasetKind::Plane, "plane", false, 0},
    {DatasetKind::Sine, "sine", false, 0},
};

// A sample: the point and its target (the class index for classification sets).
struct Point {
  double x1, x2, t;
};

// A Gaussian blob of standard deviation 0.2 around (c1, c2).
Point blob(double c1, double c2, int label, Rng* rng) {
  return {c1 + 0.2 * rng->normal(), c2 + 0.2 * rng->normal(), double(label)};
}

// One clean sample of the given kind; `label` = index mod (number of classes) for the
// classification sets so the classes are equally represented. index/n places spiral points along
// their arm.
Point sample(DatasetKind kind, int label, int index, int n, Rng* rng) {
  switch (kind) {
    case DatasetKind::Circle: {
      const double r = label == 1 ? rng->uniform(0.0, 0.5) : rng->uniform(0.7, 1.0);
      const double a = rng->uniform(0.0, 2 * kPi);
      return {r * std::cos(a), r * std::sin(a), double(label)};
    }
    case DatasetKind::Xor: {
      // Keep points 0.05 away from the axes so the classes do not touch.
      auto coord = [&] {
        const double v = rng->uniform(0.05, 1.0);
        return rng->uniform() < 0.5 ? -v : v;
      };
      const double x1 = coord(), x2 = coord();
      return {x1, x2, x1 * x2 > 0 ? 1.0 : 0.0};
    }
    case DatasetKind::Gauss: {
      const double c = label == 1 ? 0.5 : -0.5;
      return blob(c, c, label, rng);
    }
    case DatasetKind::Blobs3: {
      // Centre k at angle 90° + k·120°, radius 0.55.
      const double a = kPi / 2 + label * 2 * kPi / 3;
      return blob(0.55 * std::cos(a), 0.55 * std::sin(a), label, rng);
    }
    case DatasetKind::Blobs4: {
      // Quadrants counter-clockwise from (+, +): class k centred at (±0.5, ±0.5).
      const double c1 = label == 0 || label == 3 ? 0.5 : -0.5;
      const double c2 = label < 2 ? 0.5 : -0.5;
      return blob(c1, c2, label, rng);
    }
    case DatasetKind::Spiral: {
      // Arm k: r = s, angle = 1.75 · 2π · s + kπ for s ∈ [0, 1).
      const double s = double(index / 2) / std::max(1, n / 2);
      const double a = 1.75 * 2 * kPi * s + label * kPi;
      return {s * std::sin(a), s * std::cos(a), double(label)};
    }
    case DatasetKind::Spiral3: {
      // Arm k: r = s, angle = 1.25 · 2π · s + k · 2π/3 for s ∈ [0, 1).
      const double s = double(index / 3) / std::max(1, n / 3);
      const double a = 1.25 * 2 * kPi * s + label * 2 * kPi / 3;
      return {s * std::sin(a), s * std::cos(a), double(label)};
    }
    case DatasetKind::Plane: {
      const double x1 = rng->uniform(-1, 1), x2 = rng->uniform(-1, 1);
      return {x1, x2, (x1 + x2) / 2};
    }
    case DatasetKind::Sine: {
      const double x1 = rng->uniform(-1, 1), x2 = rng->uniform(-1, 1);
      return {x1, x2, std::sin(kPi * x1) * std::cos(kPi * x2) / 2 + 0.5};
    }
  }
  return {0, 0, 0};
}

}  // namespace

const std::vector<DatasetInfo>& dataset_kinds() { return kKinds; }

const DatasetInfo* find_dataset_kind(std::string_view name) {
  for (const DatasetInfo& k : kKinds)
    if (name == k.name) return &k;
  return nullptr;
}

Dataset generate_dataset(DatasetKind kind, int samples, double noise, std::uint64_t seed) {
  Rng rng(seed);
  const DatasetInfo& info = kKinds[static_cast<int>(kind)];
  const bool classification = info.classification;
  const double sigma = kNoiseScale * std::clamp(noise, 0.0, 1.0);
  Dataset d;
  d.n_inputs = 2;
  d.n_targets = info.targets();
  d.x.reserve(std::size_t(samples) * 2);
  d.t.reserve(std::size_t(samples) * d.n_targets);
  std::vector<double> one_hot(d.n_targets);
  for (int s = 0; s < samples; ++s) {
    Point p = sample(kind, classification ? s % info.classes : 0, s, samples, &rng);
    if (sigma > 0) {
      if (classification) {
        p.x1 += sigma * rng.normal();
        p.x2 += sigma * rng.normal();
      } else {
        p.t += sigma * rng.normal();
      }
    }
    const double x[2] = {p.x1, p.x2};
    if (d.n_targets == 1) {
      d.add(x, &p.t);
    } else {
      std::fill(one_hot.begin(), one_hot.end(), 0.0);
      one_hot[int(p.t)] = 1.0;
      d.add(x, one_hot.data());
    }
  }
  return d;
}

}  // namespace bp
