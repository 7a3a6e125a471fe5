// Dataset: samples with n_inputs inputs and n_targets targets each, stored row by row.
#pragma once
#include <cstdint>
#include <vector>

namespace bp {

struct Dataset {
  int n_inputs = 0;
  int n_targets = 0;
  std::vector<double> x;  // inputs,  [size()][n_inputs]
  std::vector<double> t;  // targets, [size()][n_targets]

  int size() const { return n_inputs > 0 ? static_cast<int>(x.size() / n_inputs) : 0; }
  const double* input(int s) const { return x.data() + std::size_t(s) * n_inputs; }
  const double* target(int s) const { return t.data() + std::size_t(s) * n_targets; }
  void add(const double* input, const double* target);
};

class Rng;
// A uniformly random permutation of 0 … n−1 (Fisher–Yates).
std::vector<int> shuffled_indices(int n, Rng* rng);

// Splits under a seed: a shuffled copy, the first round(train_fraction · n) samples go to train,
// the rest to test. train_fraction is clamped to [0, 1].
void split_dataset(const Dataset& all, double train_fraction, std::uint64_t seed, Dataset* train,
                   Dataset* test);

}  // namespace bp
