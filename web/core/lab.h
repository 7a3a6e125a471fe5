// Lab: one learner's lab session: the settings, the data (LabData), the network and its trainer,
// the loss curves, divergence and rollback, and the inspector (Inspector), with every action the
// UI offers on them. Nothing here draws; the views read it, and its state is reported through
// LabState (lab_state.h). All maths is the engine's.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.h"
#include "gradient.h"
#include "history.h"
#include "inspector.h"
#include "lab_data.h"
#include "metrics.h"
#include "network.h"
#include "pass.h"
#include "settings.h"
#include "status.h"
#include "trainer.h"

namespace lab {

class Lab {
 public:
  Lab();
  // The inspector refers to its lab: a Lab stays where it was made.
  Lab(const Lab&) = delete;
  Lab& operator=(const Lab&) = delete;

  const Settings& settings() const { return settings_; }
  // Applies new settings. Data settings rebuild the data (and re-initialise the network); an
  // architecture change re-initialises the network; η, μ, λ and the batch size change live and
  // leave a marker on the loss curve. *note (may be nullptr) says what was rebuilt. On error
  // nothing changes. s.outputs is ignored: the data decides it (fit_outputs in settings.h: one per
  // class for generated sets of 3 or more classes, with softmax and cross-entropy, else 1).
  bp::Status apply(const Settings& s, std::string* note = nullptr);
  // Changes only the hyperparameters (a convenience over apply()).
  bp::Status set_hyperparams(const bp::Hyperparams& h);

  // Training. Each call stops early once training has diverged.
  void step();
  void step_epoch();
  // Runs settings().speed iterations, or with speed 0 as many as fit in budget_ms, then
  // evaluate_and_record(). Returns the number of iterations made.
  int train_frame(double budget_ms);
  // At most `iterations` iterations, stopping early once budget_ms has passed (after at least one),
  // without evaluate_and_record(); stops once training has diverged. Returns the number made. The
  // weights after n iterations are the same however they were split into calls.
  int train_up_to(int iterations, double budget_ms);
  // Evaluates the current weights on the whole data set (once per frame is enough) and records
  // the result: the losses and error statistics, a point of each loss curve and of the update
  // sizes, and the rollback point (move_rollback_point); a non-finite training loss stops training
  // as diverged.
  void evaluate_and_record();
  // Re-initialises the weights under the seed and clears the history.
  void reset();
  // Draws a new data set from a new data seed (custom data stays).
  void regenerate();

  bool running() const { return running_; }
  void set_running(bool on) { running_ = on && !diverged_; }

  // Data editing: the data set becomes "custom". add_point gives a point one target, so it does
  // nothing while the data has several; add_class_point gives it class cls: the target cls (0 or 1)
  // for one output, the one-hot row t_k = [k = cls] for several. false (nothing changes) when cls
  // is not one of the data's classes.
  void add_point(double x1, double x2, double target);
  bool add_class_point(double x1, double x2, int cls);
  void clear_points();
  // CSV with a header and columns x1, x2, then `targets` target columns; the network gets one
  // output unit per target (and is re-initialised). A header x1, x2, class instead gives classes
  // 0 … K−1 (bp::parse_class_csv, `targets` ignored): from 3 classes on, one softmax unit per
  // class with cross-entropy. On error nothing changes.
  bp::Status import_csv(std::string_view text, int targets = 1);

  // Model files in the CLI's format. Import takes the model's architecture if the lab can show
  // it (inputs = the selected features, one output per target of the data, hidden layers within
  // the lab's limits).
  // (Export: bp::model_to_json(network()), and loss_curves_csv() of history.h.)
  bp::Status import_model(std::string_view json);

  // Divergence: a non-finite loss, weight or gradient stops training at once.
  bool diverged() const { return diverged_; }
  const std::string& divergence_message() const { return divergence_message_; }
  // Back to the weights of the last recorded state whose error was finite and no worse than at
  // the start (velocity zeroed); the history is kept.
  void rollback();

  // Views.
  const bp::Network& network() const { return net_; }
  const bp::Trainer& trainer() const { return *trainer_; }
  const bp::Dataset& raw_train() const { return data_.raw_train(); }  // (x₁, x₂) → target
  const bp::Dataset& raw_test() const { return data_.raw_test(); }
  const bp::Dataset& train_set() const { return data_.train(); }  // features → target
  const bp::Dataset& test_set() const { return data_.test(); }
  bool classification() const { return data_.classification(); }
  // Classes a classification set-up tells apart (bp::class_count of the outputs); 0 otherwise.
  int classes() const { return classification() ? bp::class_count(settings_.outputs) : 0; }
  // As of the last evaluate_and_record().
  double loss_train() const { return train_stats_.mean_loss; }
  double loss_test() const { return loss_test_; }
  // The iteration and epoch position (Trainer::epochs_done) the losses above were evaluated at.
  double evaluated_iteration() const { return evaluated_iteration_; }
  double evaluated_epoch() const { return evaluated_epoch_; }
  const bp::ErrorStats& train_stats() const { return train_stats_; }
  // Confusion matrices (engine metrics.h) of the training and test sets: meaningful while
  // classification(); accuracy = their diagonal share.
  const bp::Confusion& confusion_train() const { return confusion_train_; }
  const bp::Confusion& confusion_test() const { return confusion_test_; }
  const History& train_curve() const { return train_curve_; }
  const History& test_curve() const { return test_curve_; }
  const std::vector<Marker>& markers() const { return markers_; }
  // Per layer l ≥ 1 (index l − 1): mean |Δw| of the last update, and mean |∂E/∂w|.
  const std::vector<History>& update_size() const { return update_size_; }
  const std::vector<History>& gradient_size() const { return gradient_size_; }

  // The network on one point of the input plane; trace (optional) receives every θ and y.
  double predict(double x1, double x2, bp::Trace* trace = nullptr) const;
  // Every output y_k on that point (one per class with several outputs).
  std::vector<double> predict_all(double x1, double x2) const;

  // The backprop inspector of this session.
  Inspector& inspector() { return inspector_; }
  const Inspector& inspector() const { return inspector_; }
  // Sets w_ji of layer l, as a learner dragging it; false (nothing changes) when out of range or
  // not finite. Velocity and counters are kept; the errors are re-evaluated.
  bool set_weight(int l, int j, int i, double value);
  // Moves every parameter to `params` (layout of params()), as a learner clicking on the loss
  // landscape: the velocity is zeroed (it belonged to the old place), the loss curve gets the
  // marker "moved on the landscape" and the errors are re-evaluated. false (nothing changes) when
  // the size differs or a value is not finite.
  bool set_params(const std::vector<double>& params);

  // Changes whenever the parameters, the data, the trainer or its hyperparameters may have
  // changed: what is computed from them (the inspector's answers) is valid while it stays.
  std::uint64_t revision() const { return revision_; }
  // The revision the numbers on screen follow: while training, that of the last evaluation, so
  // that the inspector's numbers change when the losses do (as often as their cost allows:
  // EvaluationRefresh) and agree with them; otherwise revision().
  std::uint64_t shown_revision() const { return running_ ? evaluated_revision_ : revision_; }
  // Not diverged, and at least one training sample.
  bool can_train() const;

 private:
  void rebuild_data();
  // Adds (x₁, x₂) → target[outputs] to the training data, which becomes custom.
  void add_target_row(double x1, double x2, const double* target);
  void rebuild_network();
  void rebuild_trainer();
  bool check_divergence(double batch_loss);
  // Keeps the current weights as the point to roll back to when their training loss is finite and
  // no worse than at the start.
  void move_rollback_point();
  void clear_history();
  void changed() { ++revision_; }

  Settings settings_;
  LabData data_;
  bp::Network net_;
  std::unique_ptr<bp::Trainer> trainer_;
  std::vector<double> last_good_;  // params of the last recorded state with a sane error
  double start_loss_ = 0;          // training error when the trainer was built
  bool running_ = false;
  bool diverged_ = false;
  std::string divergence_message_;
  bp::ErrorStats train_stats_;
  double loss_test_ = 0;
  double evaluated_iteration_ = 0, evaluated_epoch_ = 0;
  bp::Confusion confusion_train_, confusion_test_;
  // Workspaces of the losses over the training and the test set, evaluated after every change
  // (one each: a layout for one set's size stays laid out).
  bp::BatchKernel train_eval_, test_eval_;
  History train_curve_, test_curve_;
  std::vector<Marker> markers_;
  std::vector<History> update_size_, gradient_size_;
  std::vector<double> prev_params_;
  std::uint64_t revision_ = 0;
  std::uint64_t evaluated_revision_ = 0;  // revision_ at the last evaluate_and_record()
  Inspector inspector_{*this};
};

}  // namespace lab
