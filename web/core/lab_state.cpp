#include "lab_state.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "lab.h"
#include "url_hash.h"

namespace lab {
namespace {

double latest(const History& h) { return h.size() ? h.ys().back() : 0.0; }

SampleState sample_state(const Lab& lab, const Inspector& in) {
  SampleState s;
  s.index = in.selection().sample;
  if (lab.train_set().size() == 0) return s;
  const bp::Trace& tr = in.trace();
  const std::vector<double>& y = tr.y.back();
  const double* t = lab.train_set().target(in.sample());
  s.present = true;
  s.outputs = y;
  s.targets.assign(t, t + y.size());
  s.errors.resize(y.size());
  for (std::size_t k = 0; k < y.size(); ++k) s.errors[k] = y[k] - t[k];  // e = y − t
  s.loss = tr.loss;
  return s;
}

InspectorState inspector_state(const Inspector& in, StateParts parts) {
  const InspectorSelection& sel = in.selection();
  const bp::Trace& tr = in.trace();
  const int l = sel.layer, j = sel.unit;
  InspectorState s;
  s.weight = in.weight_name();
  s.sample = sel.sample;
  s.step = sel.step;
  s.layer = l;
  s.unit = j;
  s.input = sel.input;
  s.value = in.value();
  s.theta = tr.theta[l][j];
  s.y = tr.y[l][j];
  s.y_input = in.input_value();
  s.dE_dy = tr.dE_dy[l][j];
  s.dE_dtheta = tr.dE_dtheta[l][j];
  s.gradient = in.sample_gradient();
  if (parts.slope) s.slope = in.slope();
  if (parts.next_weight) s.next_weight = in.batch_update().w_new;
  return s;
}

// Builds nested JSON objects from the visitor's calls.
class JsonWriter : public StateVisitor {
 public:
  explicit JsonWriter(nlohmann::json* root) : stack_{root} {}
  void begin(std::string_view key) override {
    stack_.push_back(&(*stack_.back())[std::string(key)]);
    *stack_.back() = nlohmann::json::object();
  }
  void end() override { stack_.pop_back(); }
  void number(std::string_view key, double v) override { at(key) = v; }
  void integer(std::string_view key, long long v) override { at(key) = v; }
  void flag(std::string_view key, bool v) override { at(key) = v; }
  void text(std::string_view key, const std::string& v) override { at(key) = v; }
  void numbers(std::string_view key, const std::vector<double>& v) override { at(key) = v; }
  void integers(std::string_view key, const std::vector<int>& v) override { at(key) = v; }

 private:
  nlohmann::json& at(std::string_view key) { return (*stack_.back())[std::string(key)]; }
  std::vector<nlohmann::json*> stack_;
};

}  // namespace

LabState snapshot(const Lab& lab, StateParts parts) {
  const Settings& set = lab.settings();
  const bp::Trainer& tr = lab.trainer();
  LabState s;
  s.epoch = tr.epoch();
  s.iteration = tr.iteration();
  s.iterations_per_epoch = tr.iterations_per_epoch();
  s.loss_train = lab.loss_train();
  s.loss_test = lab.loss_test();
  s.learning_rate = set.hyper.learning_rate;
  s.momentum = set.hyper.momentum;
  s.batch_size = set.hyper.batch_size;
  s.l1 = set.hyper.l1;
  s.l2 = set.hyper.l2;
  s.running = lab.running();
  s.diverged = lab.diverged();
  s.divergence_message = lab.divergence_message();
  s.dataset = set.dataset;
  s.samples_train = lab.train_set().size();
  s.samples_test = lab.test_set().size();
  s.hidden = set.hidden;
  s.outputs = set.outputs;
  s.activation = bp::activation(set.hidden_activation).name;
  s.output_activation = bp::activation(set.output_activation).name;
  s.loss = bp::loss(set.loss).name;
  s.speed = set.speed;
  s.loss_axis = loss_axis_name(set.loss_axis);
  s.hash = encode_hash(set);
  s.markers = int(lab.markers().size());
  // A data edit restarts the trainer's count but keeps the markers: never below 0.
  s.epochs_since_change = std::max(
      0.0, lab.trainer().epochs_done() - (lab.markers().empty() ? 0.0 : lab.markers().back().epoch));
  s.errors = lab.train_stats();
  if (lab.classification()) {
    s.accuracy_train = lab.confusion_train().accuracy();
    s.accuracy_test = lab.confusion_test().accuracy();
    s.confusion = lab.confusion_train().counts;
  }
  for (const History& h : lab.update_size()) s.update_size.push_back(latest(h));
  for (const History& h : lab.gradient_size()) s.gradient_size.push_back(latest(h));
  s.sample = sample_state(lab, lab.inspector());
  s.inspector = inspector_state(lab.inspector(), parts);
  return s;
}

void visit_state(const LabState& s, StateVisitor& v) {
  v.integer("epoch", s.epoch);
  v.integer("iteration", s.iteration);
  v.integer("iterations_per_epoch", s.iterations_per_epoch);
  v.number("loss_train", s.loss_train);
  v.number("loss_test", s.loss_test);
  v.number("learning_rate", s.learning_rate);
  v.number("momentum", s.momentum);
  v.integer("batch_size", s.batch_size);
  v.number("l1", s.l1);
  v.number("l2", s.l2);
  v.flag("running", s.running);
  v.flag("diverged", s.diverged);
  v.text("divergence_message", s.divergence_message);
  v.text("dataset", s.dataset);
  v.integer("samples_train", s.samples_train);
  v.integer("samples_test", s.samples_test);
  v.integers("hidden", s.hidden);
  v.integer("outputs", s.outputs);
  v.text("activation", s.activation);
  v.text("output_activation", s.output_activation);
  v.text("loss", s.loss);
  v.integer("speed", s.speed);
  v.text("loss_axis", s.loss_axis);
  v.text("hash", s.hash);
  v.integer("markers", s.markers);
  v.number("epochs_since_change", s.epochs_since_change);
  v.begin("errors");
  v.number("sse", s.errors.sse);
  v.number("mse", s.errors.mse);
  v.number("rmse", s.errors.rmse);
  v.end();
  if (s.accuracy_train) {
    v.number("accuracy_train", *s.accuracy_train);
    v.number("accuracy_test", *s.accuracy_test);
    v.integers("confusion", s.confusion);
  }
  v.numbers("update_size", s.update_size);
  v.numbers("gradient_size", s.gradient_size);
  v.begin("sample");
  v.integer("index", s.sample.index);
  if (s.sample.present) {
    v.numbers("outputs", s.sample.outputs);
    v.numbers("targets", s.sample.targets);
    v.numbers("errors", s.sample.errors);
    // The first output alone, for the many lessons with one output unit.
    v.number("output", s.sample.outputs[0]);
    v.number("target", s.sample.targets[0]);
    v.number("error", s.sample.errors[0]);
    v.number("loss", s.sample.loss);
  }
  v.end();
  const InspectorState& in = s.inspector;
  v.begin("inspector");
  v.text("weight", in.weight);
  v.integer("sample", in.sample);
  v.integer("step", in.step);
  v.integer("layer", in.layer);
  v.integer("unit", in.unit);
  v.integer("input", in.input);
  v.number("value", in.value);
  v.number("theta", in.theta);
  v.number("y", in.y);
  v.number("y_input", in.y_input);
  v.number("dE_dy", in.dE_dy);
  v.number("dE_dtheta", in.dE_dtheta);
  v.number("gradient", in.gradient);
  if (in.slope) v.number("slope", *in.slope);
  if (in.next_weight) v.number("next_weight", *in.next_weight);
  v.end();
}

void to_json(nlohmann::json& j, const LabState& s) {
  j = nlohmann::json::object();
  JsonWriter writer(&j);
  visit_state(s, writer);
}

}  // namespace lab
