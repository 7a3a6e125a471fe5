#include "dataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "rng.h"

namespace bp {

void Dataset::add(const double* input, const double* target) {
  x.insert(x.end(), input, input + n_inputs);
  t.insert(t.end(), target, target + n_targets);
}

// Fisher–Yates with the engine's portable generator, so the split is the same in every build.
std::vector<int> shuffled_indices(int n, Rng* rng) {
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  for (int i = n - 1; i > 0; --i) std::swap(order[i], order[rng->below(std::uint64_t(i) + 1)]);
  return order;
}

void split_dataset(const Dataset& all, double train_fraction, std::uint64_t seed, Dataset* train,
                   Dataset* test) {
  const double f = std::clamp(std::isnan(train_fraction) ? 1.0 : train_fraction, 0.0, 1.0);
  Rng rng(seed);
  const std::vector<int> order = shuffled_indices(all.size(), &rng);
  const int n_train = static_cast<int>(std::lround(f * all.size()));
  for (Dataset* d : {train, test}) {
    d->n_inputs = all.n_inputs;
    d->n_targets = all.n_targets;
    d->x.clear();
    d->t.clear();
  }
  for (int k = 0; k < all.size(); ++k) {
    const int s = order[k];
    (k < n_train ? train : test)->add(all.input(s), all.target(s));
  }
}

}  // namespace bp
