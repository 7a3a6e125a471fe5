// Lab: the state of one learner's lab session — settings, data, network, trainer, history and the
// inspector's selection — and every action the UI offers on it. Nothing here draws; the views read
// it and the JavaScript API reports it. All maths is the engine's.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.h"
#include "history.h"
#include "network.h"
#include "pass.h"
#include "settings.h"
#include "status.h"
#include "trainer.h"

namespace lab {

// Which parameter and which sample the backprop inspector looks at, and how far it has stepped.
struct InspectorSelection {
  int sample = 0;  // index into the training set
  int layer = 1;   // layer of the selected weight (≥ 1)
  int unit = 0;    // j: unit of `layer`
  int input = 0;   // i: unit of layer − 1
  int step = 0;    // 0 … inspector_steps() − 1 (forward layers, then backward layers, then update)
};

class Lab {
 public:
  Lab();

  const Settings& settings() const { return settings_; }
  // Applies new settings. Data settings rebuild the data (and re-initialise the network); an
  // architecture change re-initialises the network; η, μ, λ and the batch size change live and
  // leave a marker on the loss curve. *note (may be nullptr) says what was rebuilt. On error
  // nothing changes. s.outputs is ignored: the data decides it (1 for generated sets).
  bp::Status apply(const Settings& s, std::string* note = nullptr);
  // Changes only the hyperparameters (a convenience over apply()).
  bp::Status set_hyperparams(const bp::Hyperparams& h);

  // Training. Each call stops early once training has diverged.
  void step();
  void step_epoch();
  // Runs settings().speed iterations, or with speed 0 as many as fit in budget_ms, then records
  // (record()). Returns the number of iterations made.
  int train_frame(double budget_ms);
  // train_frame() without the record(): for training in several slices per frame, recorded once.
  int train_unrecorded(double budget_ms);
  // Brings the losses, the loss curves, the update sizes and the rollback point up to the current
  // weights (an evaluation of the whole data set: once per frame is enough).
  void record();
  // Re-initialises the weights under the seed and clears the history.
  void reset();
  // Draws a new data set from a new data seed (custom data stays).
  void regenerate();

  bool running() const { return running_; }
  void set_running(bool on) { running_ = on && !diverged_; }

  // Data editing: the data set becomes "custom". Clicked points carry one target, so add_point
  // does nothing while the data has several.
  void add_point(double x1, double x2, double target);
  void clear_points();
  // CSV with a header and columns x1, x2, then `targets` target columns; the network gets one
  // output unit per target (and is re-initialised). On error nothing changes.
  bp::Status import_csv(std::string_view text, int targets = 1);

  // Model files in the CLI's format. Import takes the model's architecture if the lab can show
  // it (inputs = the selected features, one output per target of the data, hidden layers within
  // the lab's limits).
  bp::Status import_model(std::string_view json);
  std::string export_model() const;
  // iteration,loss_train,loss_test per recorded point.
  std::string export_history_csv() const;

  // Divergence: a non-finite loss, weight or gradient stops training at once.
  bool diverged() const { return diverged_; }
  const std::string& divergence_message() const { return divergence_message_; }
  // Back to the weights of the last recorded state whose error was finite and no worse than at
  // the start (velocity zeroed); the history is kept.
  void rollback();

  // Views.
  const bp::Network& network() const { return net_; }
  const bp::Trainer& trainer() const { return *trainer_; }
  const bp::Dataset& raw_train() const { return raw_train_; }  // (x₁, x₂) → target
  const bp::Dataset& raw_test() const { return raw_test_; }
  const bp::Dataset& train_set() const { return train_; }      // features → target
  const bp::Dataset& test_set() const { return test_; }
  bool classification() const;
  double loss_train() const { return loss_train_; }
  double loss_test() const { return loss_test_; }
  const History& train_curve() const { return train_curve_; }
  const History& test_curve() const { return test_curve_; }
  const std::vector<Marker>& markers() const { return markers_; }
  // Per layer l ≥ 1 (index l − 1): mean |Δw| of the last update, and mean |∂E/∂w|.
  const std::vector<History>& update_size() const { return update_size_; }
  const std::vector<History>& gradient_size() const { return gradient_size_; }

  // The network on one point of the input plane; trace (optional) receives every θ and y.
  double predict(double x1, double x2, bp::Trace* trace = nullptr) const;

  // Inspector.
  InspectorSelection& inspector() { return inspector_; }
  const InspectorSelection& inspector() const { return inspector_; }
  // Selects weight w_ji of layer l; false (nothing changes) when out of range.
  bool select_weight(int l, int j, int i);
  // "w5": weights numbered from 1 across layers in the params layout (Mazur's numbering).
  std::string weight_name(int l, int j, int i) const;
  // Steps of the walk-through: the input, one forward step per layer, three backward steps per
  // layer from the output down (∂E/∂θ, ∂E/∂y of the layer below, ∂E/∂w), and the update.
  int inspector_steps() const;
  // The full forward and backward trace of the selected training sample.
  bp::Trace inspector_trace() const;
  // ∂E/∂w of the selected weight for the global error over the whole training set (the slope of
  // error_curve() at the current w; a full-batch step moves w by −η times it).
  double inspector_slope() const;
  // The training set's global error with the selected weight set to each of n values evenly
  // spaced over [lo, hi] (the other parameters fixed): the curve E(w). n ≥ 2.
  std::vector<double> error_curve(double lo, double hi, int n) const;
  // The value the selected weight will have after the next step(): the engine's own update
  // (next batch, momentum, penalties) made on a copy of the trainer, then undone.
  double weight_after_step();
  // Sets w_ji of layer l, as a learner dragging it; false (nothing changes) when out of range or
  // not finite. Velocity and counters are kept; the errors are re-evaluated.
  bool set_weight(int l, int j, int i, double value);

  // Snapshot for window.lab.state() and lesson conditions.
  std::string state_json() const;

 private:
  bool can_train() const;  // not diverged and at least one training sample
  void rebuild_data();
  void rebuild_network();
  void rebuild_trainer();
  bool check_divergence(double batch_loss);
  void clear_history();

  Settings settings_;
  bp::Dataset raw_all_, raw_train_, raw_test_, train_, test_;
  bp::Network net_;
  std::unique_ptr<bp::Trainer> trainer_;
  std::vector<double> last_good_;  // params of the last recorded state with a sane error
  double start_loss_ = 0;          // training error when the trainer was built
  bool running_ = false;
  bool diverged_ = false;
  std::string divergence_message_;
  double loss_train_ = 0, loss_test_ = 0;
  History train_curve_, test_curve_;
  std::vector<Marker> markers_;
  std::vector<History> update_size_, gradient_size_;
  std::vector<double> prev_params_;
  InspectorSelection inspector_;
};

}  // namespace lab
