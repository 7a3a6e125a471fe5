// The batched training kernel (batch_kernel.h) against the per-sample reference (pass.h +
// gradient.h): the same gradient and error for random networks of every activation/loss
// combination, and the same parameters after whole training runs, bit for bit.
#include "batch_kernel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "dataset.h"
#include "generators.h"
#include "gradient.h"
#include "init.h"
#include "pass.h"
#include "rng.h"
#include "test_util.h"
#include "trainer.h"

namespace {

// The same bits (memcmp: −0 and +0 differ, and so would two different NaNs).
::testing::AssertionResult same_bits(double a, double b) {
  if (std::memcmp(&a, &b, sizeof a) == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << std::hexfloat << a << " vs " << b;
}

// Random data: inputs U(−2, 2); targets suited to the loss (bce: [0, 1]; ce: a distribution).
bp::Dataset random_data(bp::LossId loss, int n_in, int n_out, int samples, bp::Rng* rng) {
  bp::Dataset d;
  d.n_inputs = n_in;
  d.n_targets = n_out;
  std::vector<double> x(n_in), t(n_out);
  for (int s = 0; s < samples; ++s) {
    for (double& v : x) v = rng->uniform(-2, 2);
    double sum = 0;
    for (double& v : t) sum += (v = rng->uniform());
    if (loss == bp::LossId::Ce)
      for (double& v : t) v /= sum;
    d.add(x.data(), t.data());
  }
  return d;
}

// The output activations each loss can be paired with.
std::vector<bp::ActivationId> outputs_for(const bp::Loss& loss) {
  if (loss.required_output) return {*loss.required_output};
  std::vector<bp::ActivationId> ids;
  for (const bp::Activation& a : bp::activations()) ids.push_back(a.id);
  return ids;
}

TEST(BatchKernel, MatchesPerSampleGradientForEveryActivationAndLoss) {
  bp::Rng rng(2024);
  int cases = 0;
  for (const bp::Loss& loss : bp::losses()) {
    for (bp::ActivationId out_act : outputs_for(loss)) {
      for (const bp::Activation& hidden : bp::activations()) {
        if (hidden.output_only) continue;
        for (int depth = 1; depth <= 6; ++depth) {  // weight layers
          for (int batch : {1, 3, 10, 257}) {
            // Hidden widths 1 … 64; outputs 1 … 8 (softmax couples them, sample by sample).
            std::vector<bp::LayerSpec> layers;
            for (int l = 0; l <= depth; ++l)
              layers.push_back({1 + int(rng.below(l == depth ? 8 : 64)), hidden.id});
            layers.back().activation = out_act;
            bp::Network net = bptest::make_net(layers);
            bp::initialise(&net, bp::InitId::Xavier, rng.next_u64());
            for (int l = 1; l < net.num_layers(); ++l)  // non-zero biases exercise the bias path
              for (int j = 0; j < net.size(l); ++j) net.biases(l)[j] = rng.uniform(-0.5, 0.5);
            ASSERT_TRUE(bp::check_loss(net, loss));
            const bp::Dataset data =
                random_data(loss.id, net.input_size(), net.output_size(), batch + 5, &rng);
            std::vector<int> indices = bp::shuffled_indices(data.size(), &rng);
            indices.resize(batch);

            std::vector<double> want(net.num_params()), got(net.num_params(), 123.0);
            bp::Trace trace;
            const double e_want = bp::batch_gradient(net, loss, data, indices.data(), batch,
                                                     &trace, want.data());
            bp::BatchKernel kernel;
            const double e_got = kernel.gradient(net, loss, data, indices.data(), batch, got.data());
            const std::string where = std::string(loss.name) + " out " +
                                      bp::activation(out_act).name + " hidden " + hidden.name +
                                      " depth " + std::to_string(depth) + " batch " +
                                      std::to_string(batch);
            EXPECT_TRUE(same_bits(e_got, e_want)) << where;
            // The forward-only pass, through a kernel laid out for the gradient just above.
            EXPECT_TRUE(same_bits(kernel.loss(net, loss, data, indices.data(), batch), e_want))
                << where << " (loss alone)";
            for (std::size_t p = 0; p < want.size(); ++p)
              ASSERT_TRUE(same_bits(got[p], want[p])) << where << " param " << p;
            // Each sample's outputs, against the per-sample forward pass.
            int visited = 0;
            kernel.each_output(net, data, indices.data(), batch, [&](int k, const double* theta, const double* y) {
              EXPECT_EQ(k, visited++);
              bp::forward(net, data.input(indices[k]), &trace);
              for (int c = 0; c < net.output_size(); ++c) {
                EXPECT_TRUE(same_bits(theta[c], trace.theta.back()[c])) << where << " sample " << k;
                EXPECT_TRUE(same_bits(y[c], trace.y.back()[c])) << where << " sample " << k;
              }
            });
            EXPECT_EQ(visited, batch);
            ++cases;
          }
        }
      }
    }
  }
  EXPECT_GT(cases, 400);
}

// error_stats() (gradient.h) takes its outputs from the kernel: the same bits as its definition
// over forward() one sample at a time, with a fresh workspace or one laid out for another set.
TEST(BatchKernel, ErrorStatsEqualTheirPerSampleDefinition) {
  bp::Rng rng(77);
  bp::BatchKernel reused;
  for (const bp::Loss& loss : bp::losses()) {
    for (bp::ActivationId out_act : outputs_for(loss)) {
      const int outputs = out_act == bp::ActivationId::Softmax ? 3 : 1 + int(rng.below(3));
      bp::Network net = bptest::make_net({{2, bp::ActivationId::Tanh}, {7, bp::ActivationId::Tanh},
                                          {5, bp::ActivationId::Relu}, {outputs, out_act}});
      bp::initialise(&net, bp::InitId::Xavier, rng.next_u64());
      for (int samples : {1, 37, 200}) {
        const bp::Dataset data = random_data(loss.id, 2, outputs, samples, &rng);
        bp::Trace trace;
        trace.resize(net);
        double sse = 0, loss_sum = 0;
        bp::Confusion want_confusion(bp::class_count(outputs));
        for (int s = 0; s < samples; ++s) {
          bp::forward(net, data.input(s), &trace);
          const double* y = trace.y.back().data();
          const double* t = data.target(s);
          for (int j = 0; j < outputs; ++j) sse += (t[j] - y[j]) * (t[j] - y[j]);
          loss_sum += loss.f(trace.theta.back().data(), y, t, outputs);
          want_confusion.add(y, t, outputs);
        }
        const std::string where = std::string(loss.name) + " out " + bp::activation(out_act).name +
                                  " samples " + std::to_string(samples);
        bp::Confusion fresh_confusion, reused_confusion;
        const bp::ErrorStats fresh = bp::error_stats(net, loss, data, &fresh_confusion);
        const bp::ErrorStats again = bp::error_stats(net, loss, data, &reused_confusion, &reused);
        for (const bp::ErrorStats& got : {fresh, again}) {
          EXPECT_TRUE(same_bits(got.sse, sse)) << where;
          EXPECT_TRUE(same_bits(got.mean_loss, loss_sum / samples)) << where;
          EXPECT_TRUE(same_bits(got.mse, sse / (double(samples) * outputs))) << where;
        }
        EXPECT_EQ(fresh_confusion.counts, want_confusion.counts) << where;
        EXPECT_EQ(reused_confusion.counts, want_confusion.counts) << where;
      }
    }
  }
}

TEST(BatchKernel, ReusedWorkspaceFollowsChangingBatchSizeAndNetwork) {
  bp::Rng rng(7);
  bp::BatchKernel kernel;  // one kernel across shapes, as a Trainer keeps it
  for (int round = 0; round < 20; ++round) {
    bp::Network net = bptest::make_net({{1 + int(rng.below(5)), bp::ActivationId::Linear},
                                        {1 + int(rng.below(9)), bp::ActivationId::Tanh},
                                        {1 + int(rng.below(3)), bp::ActivationId::Sigmoid}});
    bp::initialise(&net, bp::InitId::Uniform, round);
    const bp::Loss& loss = bp::loss(bp::LossId::HalfSse);
    const bp::Dataset data = random_data(loss.id, net.input_size(), net.output_size(), 40, &rng);
    const int batch = 1 + int(rng.below(40));
    const std::vector<int> indices = bp::shuffled_indices(batch, &rng);
    std::vector<double> want(net.num_params()), got(net.num_params());
    bp::Trace trace;
    const double e_want =
        bp::batch_gradient(net, loss, data, indices.data(), batch, &trace, want.data());
    const double e_got = kernel.gradient(net, loss, data, indices.data(), batch, got.data());
    EXPECT_TRUE(same_bits(e_got, e_want));
    for (std::size_t p = 0; p < want.size(); ++p) ASSERT_TRUE(same_bits(got[p], want[p]));
  }
}

// The Trainer (which uses the kernel) against the same training written with the reference
// batch_gradient: shuffled epochs from the trainer's seed, the penalties, and the momentum step
//   g ← ∂E_batch/∂p + λ₂·w + λ₁·sign(w),  v ← μ·v − η·g,  p ← p + v.
void expect_same_training(const std::vector<bp::LayerSpec>& layers, bp::LossId loss_id,
                          const bp::Dataset& data, const bp::Hyperparams& h) {
  bp::Network net = bptest::make_net(layers);
  bp::initialise(&net, bp::InitId::Xavier, 3);
  bp::Network ref = net;
  const std::uint64_t seed = 11;
  bp::Trainer trainer(&net, loss_id, &data, seed, true);
  ASSERT_TRUE(trainer.set_hyperparams(h));

  const bp::Loss& loss = bp::loss(loss_id);
  bp::Rng rng(seed);
  std::vector<int> order = bp::shuffled_indices(data.size(), &rng);
  std::vector<double> g(ref.num_params()), v(ref.num_params(), 0.0);
  bp::Trace trace;
  int position = 0;
  for (int it = 0; it < 1000; ++it) {
    const double e_got = trainer.step();
    const int n = std::min(h.batch_size, data.size() - position);
    const double e_want =
        bp::batch_gradient(ref, loss, data, order.data() + position, n, &trace, g.data());
    ASSERT_TRUE(same_bits(e_got, e_want)) << "iteration " << it;
    std::vector<double>& p = ref.params();
    for (int l = 1; l < ref.num_layers(); ++l)
      for (std::size_t k = ref.weight_offset(l); k < ref.bias_offset(l); ++k)
        g[k] += h.l2 * p[k] + h.l1 * (p[k] > 0 ? 1.0 : (p[k] < 0 ? -1.0 : 0.0));
    for (std::size_t k = 0; k < p.size(); ++k) {
      v[k] = h.momentum * v[k] - h.learning_rate * g[k];
      p[k] += v[k];
    }
    position += n;
    if (position >= data.size()) {
      position = 0;
      order = bp::shuffled_indices(data.size(), &rng);
    }
  }
  for (std::size_t k = 0; k < ref.num_params(); ++k)
    EXPECT_TRUE(same_bits(net.params()[k], ref.params()[k])) << "param " << k;
}

TEST(BatchKernel, TrainingRunMatchesReferenceOnTheBenchSetup) {
  // bplab bench: spiral 500, 2-8-8-1 tanh with a sigmoid output, ½SSE, batch 10, η 0.03, μ 0.9.
  const bp::Dataset data = bp::generate_dataset(bp::DatasetKind::Spiral, 500, 0.0, 1);
  bp::Hyperparams h;
  h.learning_rate = 0.03;
  h.momentum = 0.9;
  h.batch_size = 10;
  expect_same_training({{2, bp::ActivationId::Linear},
                        {8, bp::ActivationId::Tanh},
                        {8, bp::ActivationId::Tanh},
                        {1, bp::ActivationId::Sigmoid}},
                       bp::LossId::HalfSse, data, h);
}

TEST(BatchKernel, TrainingRunMatchesReferenceWithSoftmaxPenaltiesAndShortLastBatch) {
  bp::Rng rng(5);
  const bp::Dataset data = random_data(bp::LossId::Ce, 3, 4, 101, &rng);
  bp::Hyperparams h;
  h.learning_rate = 0.1;
  h.momentum = 0.5;
  h.batch_size = 7;  // 101 = 14·7 + 3: every epoch ends with a batch of 3
  h.l1 = 1e-4;
  h.l2 = 1e-3;
  expect_same_training({{3, bp::ActivationId::Linear},
                        {16, bp::ActivationId::Relu},
                        {5, bp::ActivationId::Sigmoid},
                        {4, bp::ActivationId::Softmax}},
                       bp::LossId::Ce, data, h);
}

}  // namespace
