// bplab bench: training throughput on a generated spiral, in samples per second, where a sample
// counts once it has been through the forward and backward pass and its batch's update is made.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "generators.h"
#include "init.h"
#include "json_text.h"
#include "input_limits.h"
#include "trainer.h"

namespace bp::cli {
namespace {

using nlohmann::ordered_json;

constexpr std::uint64_t kSeed = 1;

// "2-8-8-1" → {2, 8, 8, 1}, refusing sizes and layer counts over the engine's limits as soon as
// they are read, so an absurd --net never gets as far as an allocation.
Status parse_net(const std::string& text, std::vector<int>* sizes) {
  const Status bad = Status::error(
      "--net must be layer sizes joined by '-', such as 2-8-8-1, got \"" + text.substr(0, 40) + "\"");
  std::vector<int> out;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t dash = text.find('-', pos);
    const std::string part = text.substr(pos, dash == std::string::npos ? dash : dash - pos);
    // At most 4 digits, so std::stoi cannot overflow.
    if (part.empty() || part.size() > 4 || part.find_first_not_of("0123456789") != std::string::npos)
      return bad;
    const int n = std::stoi(part);
    if (n < 1 || n > kMaxUnits)
      return Status::error("--net: a layer has " + part + " units; allowed 1 … " +
                           std::to_string(kMaxUnits));
    out.push_back(n);
    if (out.size() > std::size_t(kMaxLayers))
      return Status::error("--net: more than " + std::to_string(kMaxLayers) + " layers");
    if (dash == std::string::npos) break;
    pos = dash + 1;
  }
  if (out.size() < 2 || out.front() != 2 || out.back() != 1)
    return Status::error("--net must start with 2 inputs and end with 1 output (the spiral's x1, "
                         "x2 and class), got \"" + text.substr(0, 40) + "\"");
  *sizes = out;
  return Status::ok();
}

int run(const Flags& flags, std::string* error) {
  std::vector<int> sizes;
  Status s = parse_net(flags.text("net"), &sizes);
  const Activation* hidden = find_activation(flags.text("activation"));
  if (s && hidden == nullptr) {
    std::string names;
    for (const Activation& a : activations())
      if (!a.output_only) names += (names.empty() ? "" : ", ") + std::string(a.name);
    s = Status::error("unknown --activation \"" + flags.text("activation").substr(0, 40) +
                      "\" (choose " + names + ")");
  } else if (s && hidden->output_only) {
    s = Status::error("--activation " + flags.text("activation") +
                      " is only allowed on an output layer; the bench's output is sigmoid");
  }
  Network net;
  if (s) {
    std::vector<LayerSpec> layers;
    for (int n : sizes) layers.push_back({n, hidden->id});
    layers.back().activation = ActivationId::Sigmoid;
    s = Network::create(layers, &net);
    if (!s) s = Status::error("--net: " + s.message());
  }
  if (!s) {
    *error = s.message();
    return kExitUsage;
  }

  const int samples = static_cast<int>(flags.integer("samples"));
  const Dataset data = generate_dataset(DatasetKind::Spiral, samples, 0.0, kSeed);
  initialise(&net, InitId::Xavier, kSeed);
  Trainer trainer(&net, LossId::HalfSse, &data, kSeed, true);
  Hyperparams h;
  h.learning_rate = 0.03;
  h.momentum = 0.9;
  h.batch_size = static_cast<int>(std::min<long long>(flags.integer("batch"), data.size()));
  s = trainer.set_hyperparams(h);
  if (!s) {
    *error = s.message();
    return kExitUsage;
  }

  // In WebAssembly reading the clock is a call out to JavaScript, not negligible next to a small
  // network's iteration, so iterations run in chunks between readings; the chunk doubles until it
  // lasts at least a millisecond, which bounds both the clock's share of the time and the
  // overshoot past --seconds.
  using Clock = std::chrono::steady_clock;
  const double budget = flags.real("seconds");
  const Clock::time_point start = Clock::now();
  Clock::time_point last = start;
  double elapsed = 0;
  long long chunk = 1;
  while (elapsed < budget) {
    for (long long i = 0; i < chunk; ++i) trainer.step();
    const Clock::time_point now = Clock::now();
    if (now - last < std::chrono::milliseconds(1)) chunk *= 2;
    last = now;
    elapsed = std::chrono::duration<double>(now - start).count();
  }
  // Whole epochs plus the part of the current one.
  const double processed = double(trainer.epoch()) * data.size() + trainer.position();

  std::string net_text;
  for (int n : sizes) net_text += (net_text.empty() ? "" : "-") + std::to_string(n);
  const ordered_json out = {{"net", net_text},
                            {"activation", hidden->name},
                            {"samples", data.size()},
                            {"batch", h.batch_size},
                            {"seconds", elapsed},
                            {"iterations", trainer.iteration()},
                            {"samples_per_sec", processed / elapsed}};
  std::printf("%s\n", json_text(out).c_str());
  return kExitOk;
}

}  // namespace

const Command& bench_command() {
  static const Command command{
      "bench",
      "Training speed in samples per second on a generated spiral.",
      "[--net 2-8-8-1] [--activation tanh] [--samples 500] [--batch 10] [--seconds 2]",
      "Setup: the spiral set (2 inputs, 1 class target, seed 1), xavier initialisation (seed 1),\n"
      "hidden layers with --activation and a sigmoid output, loss half-sse, learning rate 0.03,\n"
      "momentum 0.9, shuffled batches. Training runs for about --seconds of wall time\n"
      "(steady clock), then one line of JSON is printed:\n"
      "  {\"net\", \"activation\", \"samples\", \"batch\", \"seconds\" (measured), \"iterations\",\n"
      "   \"samples_per_sec\"}\n"
      "samples_per_sec counts samples through the forward and backward pass per second,\n"
      "weight updates included.",
      {
          text_flag("net", "SIZES", "2-8-8-1",
                    "Layer sizes joined by '-': 2 inputs first, 1 output last."),
          text_flag("activation", "A", "tanh", "Activation of the hidden layers: sigmoid, tanh, relu or "
                                       "linear (the output layer is sigmoid)."),
          integer_flag("samples", "N", "500", {1, kMaxSamples, false, false},
                       "Samples in the generated spiral."),
          integer_flag("batch", "B", "10", {1, kMaxBatch, false, false},
                       "Samples per update (more than --samples means all of them)."),
          real_flag("seconds", "T", "2", {0, 3600, true, false}, "Wall time to train for."),
      },
      run,
  };
  return command;
}

}  // namespace bp::cli
