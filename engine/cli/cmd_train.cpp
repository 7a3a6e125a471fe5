// bplab train: mini-batch gradient descent with momentum (bp::Trainer) over a data file for a
// number of epochs, then the trained model is written as a model file.
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "command.h"
#include "gradient.h"
#include "init.h"
#include "inputs.h"
#include "json_text.h"
#include "input_limits.h"
#include "model_io.h"
#include "output.h"
#include "trainer.h"

namespace bp::cli {
namespace {

using nlohmann::ordered_json;

// epochs × samples: one sample-step is one forward and backward pass. 10⁹ is minutes of work for
// a small network; more is far more likely a typo than an experiment.
constexpr double kMaxSampleSteps = 1e9;
constexpr double kInf = std::numeric_limits<double>::infinity();

// The log: a header, then one row per epoch after it is complete.
class EpochLog {
 public:
  Status open(const std::string& path) {
    path_ = path;
    file_ = std::fopen(path.c_str(), "w");
    if (file_ == nullptr) return Status::error(path + ": cannot open for writing");
    std::fprintf(file_, "epoch,iterations,loss\n");
    return Status::ok();
  }
  void add(long long epoch, long long iterations, double loss) {
    if (file_ != nullptr) std::fprintf(file_, "%lld,%lld,%.17g\n", epoch, iterations, loss);
  }
  Status close() {
    if (file_ == nullptr) return Status::ok();
    const bool failed = std::ferror(file_) != 0;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    return failed || !closed ? Status::error(path_ + ": write failed") : Status::ok();
  }
  ~EpochLog() {
    if (file_ != nullptr) std::fclose(file_);
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

int run(const Flags& flags, std::string* error) {
  Inputs in;
  if (const int code = load_inputs(flags, &in, error)) return code;
  const Loss* loss = in.loss;
  Network& net = in.net;
  const Dataset& data = in.data;
  const bool has_weights = in.has_weights;

  const long long epochs = flags.integer("epochs");
  if (double(epochs) * data.size() > kMaxSampleSteps) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "--epochs %lld with %d samples is %.3g sample-steps, more than the limit %g",
                  epochs, data.size(), double(epochs) * data.size(), kMaxSampleSteps);
    *error = buf;
    return kExitUsage;
  }
  const auto seed = static_cast<std::uint64_t>(flags.integer("seed"));
  if (!has_weights) initialise(&net, InitId::Xavier, seed);

  Trainer trainer(&net, loss->id, &data, seed, !flags.on("no-shuffle"));
  Hyperparams h;
  h.learning_rate = flags.real("lr");
  h.momentum = flags.real("momentum");
  // A batch larger than the file is the whole file.
  h.batch_size = flags.has("batch") && flags.integer("batch") < data.size()
                     ? static_cast<int>(flags.integer("batch"))
                     : data.size();
  h.l1 = flags.real("l1");
  h.l2 = flags.real("l2");
  Status s = trainer.set_hyperparams(h);
  if (!s) {
    *error = s.message();
    return kExitUsage;
  }

  EpochLog log;
  if (flags.has("log")) s = log.open(flags.text("log"));
  double e = mean_loss(net, *loss, data);
  for (long long epoch = 1; s && epoch <= epochs; ++epoch) {
    trainer.run_epoch();
    e = mean_loss(net, *loss, data);
    if (!std::isfinite(e) || !net.is_finite())
      s = Status::error("training diverged in epoch " + std::to_string(epoch) +
                        " (the loss is no longer finite); try a smaller --lr");
    else
      log.add(epoch, trainer.iteration(), e);
  }
  const Status closed = log.close();
  if (s) s = closed;
  if (s) s = write_file_atomically(flags.text("out"), model_to_json(net));
  if (!s) {
    *error = s.message();
    return kExitBadInput;
  }
  const ordered_json summary = {
      {"epochs", epochs}, {"iterations", trainer.iteration()}, {"loss", e}};
  std::printf("%s\n", json_text(summary).c_str());
  return kExitOk;
}

}  // namespace

const Command& train_command() {
  static const Command command{
      "train",
      "Train a model on a data file; write the trained model.",
      "--model M.json --data D.csv --loss L --lr η --epochs N --out M2.json [flags]",
      "Each iteration takes the next batch of the epoch's order and makes one update:\n"
      "  g = dE_batch/dw + l2*w + l1*sign(w)   (penalties on weights, not biases)\n"
      "  v = momentum*v - lr*g,   w = w + v\n"
      "An epoch is one pass over the file; its last batch may be smaller than --batch.\n"
      "A model file without \"weights\" is first initialised (xavier, under --seed).\n"
      "At most 1e9 sample-steps (epochs x rows of the data file) per run.\n"
      "Prints {\"epochs\": N, \"iterations\": I, \"loss\": E} with E the mean loss over the file\n"
      "after training. The log CSV (--log) has the header epoch,iterations,loss and one row\n"
      "per epoch: the epoch number, the updates made so far and the mean loss over the file.",
      {
          text_flag("model", "M.json", nullptr,
                    "Model file (format \"bplab-model\") to start from."),
          data_flag(),
          loss_flag(),
          real_flag("lr", "η", nullptr, {0, kMaxLearningRate, true, false},
                    "Learning rate η."),
          real_flag("momentum", "μ", "0", {0, 1, false, true}, "Momentum μ."),
          optional(integer_flag("batch", "B", nullptr, {1, kMaxBatch, false, false},
                                "Samples per update. Default: the whole file (full-batch "
                                "descent); larger than the file also means the whole file.")),
          integer_flag("epochs", "N", nullptr, {0, 1e9, false, false}, "Passes over the file."),
          integer_flag("seed", "S", "1", {0, 9007199254740991.0, false, false},
                       "Seed of the shuffling and of the initialisation."),
          switch_flag("no-shuffle",
                      "Keep the file order in every epoch instead of reshuffling under --seed."),
          real_flag("l2", "λ", "0", {0, kInf, false, false},
                    "L2 penalty rate λ₂: adds λ₂·w to the gradient of each weight."),
          real_flag("l1", "λ", "0", {0, kInf, false, false},
                    "L1 penalty rate λ₁: adds λ₁·sign(w) to the gradient of each weight."),
          text_flag("out", "M2.json", nullptr,
                    "Where to write the trained model (replaced only when training succeeds)."),
          optional(text_flag("log", "log.csv", nullptr,
                             "Write one CSV row per epoch here (see below). Default: no log.")),
      },
      run,
  };
  return command;
}

}  // namespace bp::cli
