// LabState: one typed snapshot of the lab, taken once per frame. Lesson conditions and texts, the
// views and window.lab.state() read it; JSON is written from it only at the edge (the JavaScript
// API, files). Its keys are listed once, in visit_state(): the JSON writer and the lessons' flat
// key map (web/lessons/lesson_state.h) both walk that one list, so they cannot disagree.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "gradient.h"

namespace lab {

class Lab;

// The inspected training sample: outputs y_k, targets t_k, local errors e_k = y_k − t_k and its
// loss. Absent (present = false) when there are no training samples.
struct SampleState {
  int index = 0;
  bool present = false;
  std::vector<double> outputs, targets, errors;
  double loss = 0;
};

// The selected weight w_ji or bias b_j and, for the inspected sample, θ_j, y_j, the input y_i it
// multiplies, ∂E/∂y_j, ∂E/∂θ_j and gradient = ∂E/∂w_ji = ∂E/∂θ_j·y_i; slope: ∂E/∂w_ji over the
// whole training set. For a bias input = −1, y_input = 1 (its constant input) and gradient =
// ∂E/∂b_j = δ_j = ∂E/∂θ_j.
struct InspectorState {
  std::string weight;  // the selected parameter's engine name, "w5" or "b1.2" (the key says
                       // "weight" for compatibility: lessons and tests read it)
  int sample = 0, step = 0, layer = 1, unit = 0, input = 0;
  double value = 0, theta = 0, y = 0, y_input = 0, dE_dy = 0, dE_dtheta = 0, gradient = 0;
  // Only when asked for (StateParts): the slope costs a pass over the training set, next_weight
  // (the weight after the next step(), the engine's preview of the trainer's update) a batch's.
  std::optional<double> slope, next_weight;
};

struct LabState {
  long long epoch = 0, iteration = 0;
  int iterations_per_epoch = 0;
  double loss_train = 0, loss_test = 0;
  double learning_rate = 0, momentum = 0;
  int batch_size = 0;
  double l1 = 0, l2 = 0;
  bool running = false, diverged = false;
  std::string divergence_message, dataset;
  int samples_train = 0, samples_test = 0;
  std::vector<int> hidden;
  int outputs = 1;
  std::string activation, output_activation, loss;
  int speed = 0;
  std::string loss_axis;  // the loss curve's x axis: "iteration" or "epoch" (the link's lx=)
  std::string hash;
  int markers = 0;
  // Epochs trained since the last marker (a live change of η, μ, λ or the batch size), or since
  // the start: a task such as "train 2 epochs at batch size 1" counts from the change, so epochs
  // trained before it do not count.
  double epochs_since_change = 0;
  bp::ErrorStats errors;                     // over the training set
  // Classification set-ups only (absent otherwise): the share of training / test samples whose
  // predicted class (argmax of the outputs, or y ≥ 0.5 for one output: engine metrics.h) is their
  // class, and the training set's confusion matrix C[truth][predicted], row-major, K² counts for
  // K classes.
  std::optional<double> accuracy_train, accuracy_test;
  std::vector<int> confusion;
  std::vector<double> update_size, gradient_size;  // per layer l ≥ 1: the latest mean |Δw|, |∂E/∂w|
  SampleState sample;
  InspectorState inspector;
};

// Which costly parts a snapshot holds: the JavaScript API reports the slope; a lesson step asks
// for what its expressions read.
struct StateParts {
  bool slope = true;
  bool next_weight = false;
};
// The lab's state now.
LabState snapshot(const Lab& lab, StateParts parts = {});

// Receives the state key by key: nested objects between begin() and end(), arrays whole.
class StateVisitor {
 public:
  virtual ~StateVisitor() = default;
  virtual void begin(std::string_view key) = 0;
  virtual void end() = 0;
  virtual void number(std::string_view key, double v) = 0;
  virtual void integer(std::string_view key, long long v) = 0;
  virtual void flag(std::string_view key, bool v) = 0;
  virtual void text(std::string_view key, const std::string& v) = 0;
  virtual void numbers(std::string_view key, const std::vector<double>& v) = 0;
  virtual void integers(std::string_view key, const std::vector<int>& v) = 0;
};
// Walks every key of `s` in one fixed order: the one list of the state's keys.
void visit_state(const LabState& s, StateVisitor& v);

// The state as the JSON object window.lab.state() reports (nlohmann's conversion hook).
void to_json(nlohmann::json& j, const LabState& s);

}  // namespace lab
