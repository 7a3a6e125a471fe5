// Training throughput of the engine natively, in samples per second (items_per_second), over
// network width, depth and batch size. One iteration is one Trainer::step() (forward and backward
// pass of a batch plus the momentum update) on the bench setup of `bplab bench`: the 500-point
// spiral, tanh hidden layers, a sigmoid output, ½SSE, η 0.03, μ 0.9, shuffled batches.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "generators.h"
#include "gradient.h"
#include "init.h"
#include "landscape.h"
#include "network.h"
#include "rng.h"
#include "trainer.h"

namespace {

// The network of `layers`, initialised Xavier under seed 1; false (and the benchmark skipped) if
// the engine refuses it.
bool xavier_network(benchmark::State& state, const std::vector<bp::LayerSpec>& layers, bp::Network* net) {
  if (!bp::Network::create(layers, net)) {
    state.SkipWithError("bad network");
    return false;
  }
  bp::initialise(net, bp::InitId::Xavier, 1);
  return true;
}

// Args: {hidden width, hidden layers, batch size}; the network is 2-w-…-w-1.
void BM_TrainStep(benchmark::State& state) {
  const int width = int(state.range(0)), depth = int(state.range(1)), batch = int(state.range(2));
  const bp::Dataset data = bp::generate_dataset(bp::DatasetKind::Spiral, 500, 0.0, 1);
  std::vector<bp::LayerSpec> layers = {{2, bp::ActivationId::Linear}};
  for (int l = 0; l < depth; ++l) layers.push_back({width, bp::ActivationId::Tanh});
  layers.push_back({1, bp::ActivationId::Sigmoid});
  bp::Network net;
  if (!xavier_network(state, layers, &net)) return;
  bp::Trainer trainer(&net, bp::LossId::HalfSse, &data, 1, true);
  bp::Hyperparams h;
  h.learning_rate = 0.03;
  h.momentum = 0.9;
  h.batch_size = batch;
  trainer.set_hyperparams(h);
  long long samples = 0;
  for (auto _ : state) {
    samples += std::min(batch, data.size() - trainer.position());  // the last batch may be short
    benchmark::DoNotOptimize(trainer.step());
  }
  state.SetItemsProcessed(samples);
}

// The bench network 2-8-8-1 over batch sizes.
BENCHMARK(BM_TrainStep)->ArgNames({"width", "depth", "batch"})
    ->Args({8, 2, 1})->Args({8, 2, 10})->Args({8, 2, 50})->Args({8, 2, 100})->Args({8, 2, 500});
// Width, at depth 2 and batch 10.
BENCHMARK(BM_TrainStep)->ArgNames({"width", "depth", "batch"})
    ->Args({16, 2, 10})->Args({32, 2, 10})->Args({64, 2, 10})->Args({128, 2, 10})->Args({256, 2, 10});
// Depth, at width 8 and batch 10.
BENCHMARK(BM_TrainStep)->ArgNames({"width", "depth", "batch"})
    ->Args({8, 1, 10})->Args({8, 3, 10})->Args({8, 4, 10})->Args({8, 5, 10})->Args({8, 6, 10});

// The Landscape view's full grid (landscape.h) for the lab's default network: 2-4-2-1 tanh with a
// sigmoid output, ½SSE, Xavier under seed 1, on 200 circle samples (the default lab's training
// half), over the plane of w1 and w2. Arg: points per axis. items_per_second = grid points/s; the
// time per iteration is one whole grid.
void BM_LandscapeGrid(benchmark::State& state) {
  const int grid = int(state.range(0));
  const bp::Dataset data = bp::generate_dataset(bp::DatasetKind::Circle, 200, 0.1, 1);
  bp::Network net;
  if (!xavier_network(state, {{2, bp::ActivationId::Linear}, {4, bp::ActivationId::Tanh},
                              {2, bp::ActivationId::Tanh}, {1, bp::ActivationId::Sigmoid}}, &net))
    return;
  bp::Plane plane;
  if (!bp::name_plane(net, "w1", "w2", &plane)) {
    state.SkipWithError("bad plane");
    return;
  }
  bp::LandscapeGrid out;
  for (auto _ : state)
    benchmark::DoNotOptimize(bp::evaluate_landscape(net, bp::loss(bp::LossId::HalfSse), data, plane,
                                                    grid, 1.0, nullptr, &out));
  state.SetItemsProcessed(state.iterations() * grid * grid);
}
BENCHMARK(BM_LandscapeGrid)->ArgName("grid")->Arg(33)->Arg(65)->Unit(benchmark::kMillisecond);

// The lab's loss over a whole set after every change (Lab::evaluate_and_record): error_stats() on
// the largest set-up the lab allows, 7 features → 6 × 16 tanh → 1 sigmoid, ½SSE, over 1000 points,
// with a reused BatchKernel (Arg 1) against the per-sample forward pass batch_loss() (Arg 0).
// items_per_second = samples/s.
void BM_SetLoss(benchmark::State& state) {
  const bool kernel = state.range(0) == 1;
  bp::Dataset data;
  data.n_inputs = 7;
  data.n_targets = 1;
  bp::Rng rng(3);
  std::vector<double> x(7);
  for (int s = 0; s < 1000; ++s) {
    for (double& v : x) v = rng.uniform(-1, 1);
    const double t = rng.uniform() < 0.5 ? 0.0 : 1.0;
    data.add(x.data(), &t);
  }
  std::vector<bp::LayerSpec> layers = {{7, bp::ActivationId::Linear}};
  for (int l = 0; l < 6; ++l) layers.push_back({16, bp::ActivationId::Tanh});
  layers.push_back({1, bp::ActivationId::Sigmoid});
  bp::Network net;
  if (!xavier_network(state, layers, &net)) return;
  const bp::Loss& loss = bp::loss(bp::LossId::HalfSse);
  bp::BatchKernel workspace;
  std::vector<int> all(1000);
  std::iota(all.begin(), all.end(), 0);
  for (auto _ : state) {
    if (kernel)
      benchmark::DoNotOptimize(bp::error_stats(net, loss, data, nullptr, &workspace).mean_loss);
    else
      benchmark::DoNotOptimize(bp::batch_loss(net, loss, data, all.data(), 1000));
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_SetLoss)->ArgName("kernel")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
