#include "lab.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "csv.h"
#include "input_features.h"
#include "generators.h"
#include "gradient.h"
#include "init.h"
#include "model_io.h"
#include "url_hash.h"

namespace lab {

using bp::Status;

Lab::Lab() {
  rebuild_data();
  rebuild_network();
}

bool Lab::classification() const {
  for (double t : raw_all_.t)
    if (t != 0.0 && t != 1.0) return false;
  return true;
}

void Lab::rebuild_data() {
  if (settings_.dataset != "custom") {
    const bp::DatasetInfo* kind = bp::find_dataset_kind(settings_.dataset);
    raw_all_ = bp::generate_dataset(kind->kind, settings_.samples, settings_.noise, settings_.data_seed);
  }
  bp::split_dataset(raw_all_, settings_.train_ratio, settings_.data_seed, &raw_train_, &raw_test_);
  train_ = bp::apply_features(raw_train_, settings_.features);
  test_ = bp::apply_features(raw_test_, settings_.features);
  inspector_.sample = 0;
}

void Lab::rebuild_network() {
  const Status s = bp::Network::create(layer_specs(settings_), &net_);
  (void)s;  // settings were validated before they were applied
  bp::initialise(&net_, settings_.init, settings_.seed);
  inspector_ = InspectorSelection{};
  rebuild_trainer();
  clear_history();
}

void Lab::rebuild_trainer() {
  trainer_ = std::make_unique<bp::Trainer>(&net_, settings_.loss, &train_, settings_.seed, true);
  const Status s = trainer_->set_hyperparams(settings_.hyper);
  (void)s;  // validated with the settings
  diverged_ = false;
  divergence_message_.clear();
  last_good_ = net_.params();
  start_loss_ = bp::mean_loss(net_, trainer_->loss(), train_);
}

void Lab::clear_history() {
  train_curve_.clear();
  test_curve_.clear();
  markers_.clear();
  update_size_.assign(net_.num_layers() - 1, History());
  gradient_size_.assign(net_.num_layers() - 1, History());
  record();
}

Status Lab::apply(const Settings& in, std::string* note) {
  Settings s = in;
  s.outputs = s.dataset == "custom" ? raw_all_.n_targets : 1;
  if (Status v = validate(s); !v) return v;
  const Settings old = settings_;
  settings_ = s;
  std::string what;
  if (data_changed(old, s)) {
    rebuild_data();
    rebuild_network();
    what = "New data: the network was re-initialised.";
  } else if (architecture_changed(old, s)) {
    train_ = bp::apply_features(raw_train_, settings_.features);
    test_ = bp::apply_features(raw_test_, settings_.features);
    rebuild_network();
    what = "Architecture changed: the network was re-initialised.";
  } else {
    const bp::Hyperparams &a = old.hyper, &b = s.hyper;
    std::string change;
    auto mark = [&](const char* name, double from, double to) {
      if (from != to)
        change += (change.empty() ? "" : ", ") + std::string(name) + " " + bp::format_number(from) +
                  " → " + bp::format_number(to);
    };
    mark("η", a.learning_rate, b.learning_rate);
    mark("μ", a.momentum, b.momentum);
    mark("batch", a.batch_size, b.batch_size);
    mark("λ₁", a.l1, b.l1);
    mark("λ₂", a.l2, b.l2);
    if (!change.empty()) {
      const Status h = trainer_->set_hyperparams(b);
      (void)h;  // validated with the settings
      markers_.push_back({double(trainer_->iteration()), change});
    }
  }
  if (note) *note = what;
  return Status::ok();
}

Status Lab::set_hyperparams(const bp::Hyperparams& h) {
  Settings s = settings_;
  s.hyper = h;
  return apply(s);
}

bool Lab::check_divergence(double batch_loss) {
  if (std::isfinite(batch_loss) && net_.is_finite()) return false;
  diverged_ = true;
  running_ = false;
  std::ostringstream msg;
  msg << "Training diverged at iteration " << trainer_->iteration() << ": the "
      << (std::isfinite(batch_loss) ? "weights" : "loss") << " became "
      << (std::isnan(batch_loss) ? "NaN" : "infinite")
      << ". The learning rate η = " << bp::format_number(settings_.hyper.learning_rate)
      << " is probably too high: each step overshoots the minimum by more than it corrects.";
  divergence_message_ = msg.str();
  return true;
}

bool Lab::can_train() const { return !diverged_ && train_.size() > 0; }

void Lab::step() {
  if (!can_train()) return;
  check_divergence(trainer_->step());
  record();
}

void Lab::step_epoch() {
  if (!can_train()) return;
  const long long start = trainer_->epoch();
  while (trainer_->epoch() == start && !check_divergence(trainer_->step())) {
  }
  record();
}

int Lab::train_frame(double budget_ms) {
  if (!can_train()) return 0;
  const int done = train_unrecorded(budget_ms);
  record();
  return done;
}

int Lab::train_unrecorded(double budget_ms) {
  if (!can_train()) return 0;
  int done = 0;
  if (settings_.speed > 0) {
    while (done < settings_.speed && !diverged_) {
      check_divergence(trainer_->step());
      ++done;
    }
  } else {
    using clock = std::chrono::steady_clock;
    const auto end = clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
    do {
      check_divergence(trainer_->step());
      ++done;
    } while (!diverged_ && clock::now() < end);
  }
  return done;
}

void Lab::reset() {
  rebuild_network();
  running_ = false;
}

void Lab::regenerate() {
  if (settings_.dataset == "custom") return;
  Settings s = settings_;
  s.data_seed = settings_.data_seed + 1;
  apply(s);
}

void Lab::record() {
  if (!trainer_) return;
  loss_train_ = bp::mean_loss(net_, trainer_->loss(), train_);
  loss_test_ = bp::mean_loss(net_, trainer_->loss(), test_);
  // A state is "good" to roll back to when its error is finite and no worse than at the start:
  // the last frames before a blow-up usually hold huge but finite weights.
  if (std::isfinite(loss_train_) && loss_train_ <= start_loss_) last_good_ = net_.params();
  if (!diverged_ && !std::isfinite(loss_train_)) check_divergence(loss_train_);
  const double x = double(trainer_->iteration());
  train_curve_.add(x, loss_train_);
  test_curve_.add(x, loss_test_);
  const std::vector<double>& v = trainer_->velocity();
  const std::vector<double>& g = trainer_->gradient();
  for (int l = 1; l < net_.num_layers() && l - 1 < int(update_size_.size()); ++l) {
    double dv = 0, dg = 0;
    const std::size_t begin = net_.weight_offset(l), end = net_.bias_offset(l);
    for (std::size_t k = begin; k < end; ++k) {
      dv += std::fabs(v[k]);
      dg += std::fabs(g[k]);
    }
    update_size_[l - 1].add(x, dv / double(end - begin));
    gradient_size_[l - 1].add(x, dg / double(end - begin));
  }
}

void Lab::rollback() {
  net_.params() = last_good_;
  trainer_->zero_velocity();
  diverged_ = false;
  divergence_message_.clear();
  record();
}

void Lab::add_point(double x1, double x2, double target) {
  if (settings_.outputs != 1) return;
  const double x[2] = {x1, x2};
  if (settings_.dataset != "custom") {
    // Keep the points that are shown: the generated set becomes the custom set.
    raw_all_ = raw_train_;
    for (int s = 0; s < raw_test_.size(); ++s) raw_all_.add(raw_test_.input(s), raw_test_.target(s));
    settings_.dataset = "custom";
  }
  raw_all_.add(x, &target);
  raw_train_.add(x, &target);
  train_ = bp::apply_features(raw_train_, settings_.features);
  rebuild_trainer();
  record();
}

void Lab::clear_points() {
  raw_all_ = bp::Dataset{2, 1, {}, {}};
  raw_train_ = raw_all_;
  raw_test_ = raw_all_;
  train_ = bp::apply_features(raw_train_, settings_.features);
  test_ = bp::apply_features(raw_test_, settings_.features);
  settings_.dataset = "custom";
  inspector_.sample = 0;
  running_ = false;
  if (settings_.outputs != 1) {
    settings_.outputs = 1;
    rebuild_network();
    return;
  }
  rebuild_trainer();
  record();
}

Status Lab::import_csv(std::string_view text, int targets) {
  if (targets < 1 || targets > kMaxOutputs)
    return Status::error("data: " + std::to_string(targets) + " targets, the lab takes 1 … " +
                         std::to_string(kMaxOutputs));
  bp::Dataset data;
  if (Status s = bp::parse_csv(text, 2, targets, &data); !s) return s;
  if (data.size() > kMaxLabSamples)
    return Status::error("data: " + std::to_string(data.size()) + " samples, the lab shows at most " +
                         std::to_string(kMaxLabSamples));
  Settings s = settings_;
  s.dataset = "custom";
  s.outputs = targets;
  if (Status v = validate(s); !v) return Status::error("data: " + v.message());
  raw_all_ = std::move(data);
  settings_ = s;
  rebuild_data();
  rebuild_network();
  return Status::ok();
}

Status Lab::import_model(std::string_view json) {
  bp::Network net;
  if (Status s = bp::model_from_json(json, &net); !s) return s;
  const int L = net.num_layers();
  if (net.input_size() != bp::feature_count(settings_.features))
    return Status::error("model has " + std::to_string(net.input_size()) + " inputs; the lab feeds " +
                         std::to_string(bp::feature_count(settings_.features)) + " selected features");
  if (net.output_size() != settings_.outputs)
    return Status::error("model has " + std::to_string(net.output_size()) +
                         " output units; the data has " + std::to_string(settings_.outputs) +
                         " target" + (settings_.outputs == 1 ? "" : "s") + " per sample");
  Settings s = settings_;
  s.hidden.clear();
  for (int l = 1; l < L - 1; ++l) {
    if (net.activation(l) != net.activation(1))
      return Status::error("model: the lab needs one activation for all hidden layers");
    s.hidden.push_back(net.size(l));
  }
  if (L > 2) s.hidden_activation = net.activation(1);
  s.output_activation = net.activation(L - 1);
  const bp::Loss& loss = bp::loss(s.loss);
  if (loss.required_output && *loss.required_output != s.output_activation) s.loss = bp::LossId::HalfSse;
  if (Status v = validate(s); !v) return Status::error("model: " + v.message());
  settings_ = s;
  net_ = std::move(net);
  inspector_ = InspectorSelection{};
  rebuild_trainer();
  clear_history();
  return Status::ok();
}

std::string Lab::export_model() const { return bp::model_to_json(net_); }

std::string Lab::export_history_csv() const {
  std::ostringstream os;
  os.precision(17);
  os << "iteration,loss_train,loss_test\n";
  for (std::size_t k = 0; k < train_curve_.size(); ++k)
    os << train_curve_.xs()[k] << "," << train_curve_.ys()[k] << "," << test_curve_.ys()[k] << "\n";
  return os.str();
}

double Lab::predict(double x1, double x2, bp::Trace* trace) const {
  bp::Trace local;
  bp::Trace* t = trace ? trace : &local;
  std::vector<double> x(net_.input_size());
  bp::feature_vector(x1, x2, settings_.features, x.data());
  bp::forward(net_, x.data(), t);
  return t->y.back()[0];
}

bool Lab::select_weight(int l, int j, int i) {
  if (l < 1 || l >= net_.num_layers() || j < 0 || j >= net_.size(l) || i < 0 || i >= net_.size(l - 1))
    return false;
  inspector_.layer = l;
  inspector_.unit = j;
  inspector_.input = i;
  return true;
}

std::string Lab::weight_name(int l, int j, int i) const {
  std::size_t before = 0;
  for (int k = 1; k < l; ++k) before += std::size_t(net_.size(k)) * net_.size(k - 1);
  return "w" + std::to_string(before + std::size_t(j) * net_.size(l - 1) + i + 1);
}

int Lab::inspector_steps() const { return 1 + 4 * (net_.num_layers() - 1) + 1; }

bp::Trace Lab::inspector_trace() const {
  bp::Trace trace;
  trace.resize(net_);
  if (train_.size() == 0) return trace;
  const int s = std::min(inspector_.sample, train_.size() - 1);
  bp::forward(net_, train_.input(s), &trace);
  bp::backward(net_, trainer_->loss(), train_.target(s), &trace, nullptr, 1.0);
  return trace;
}

double Lab::inspector_slope() const {
  if (train_.size() == 0) return 0;
  std::vector<int> all(train_.size());
  for (int s = 0; s < train_.size(); ++s) all[s] = s;
  std::vector<double> grad(net_.num_params());
  bp::Trace scratch;
  bp::batch_gradient(net_, trainer_->loss(), train_, all.data(), train_.size(), &scratch, grad.data());
  const InspectorSelection& in = inspector_;
  return grad[net_.weight_offset(in.layer) + std::size_t(in.unit) * net_.size(in.layer - 1) + in.input];
}

std::vector<double> Lab::error_curve(double lo, double hi, int n) const {
  bp::Network net = net_;
  double& w = net.weight(inspector_.layer, inspector_.unit, inspector_.input);
  std::vector<double> curve(std::max(n, 2));
  for (std::size_t k = 0; k < curve.size(); ++k) {
    w = lo + (hi - lo) * double(k) / double(curve.size() - 1);
    curve[k] = bp::mean_loss(net, trainer_->loss(), train_);
  }
  return curve;
}

double Lab::weight_after_step() {
  const InspectorSelection& in = inspector_;
  if (!can_train()) return net_.weight(in.layer, in.unit, in.input);
  // The copy shares net_ (the trainer keeps a pointer to it), so the parameters are restored.
  const std::vector<double> saved = net_.params();
  bp::Trainer preview = *trainer_;
  preview.step();
  const double w = net_.weight(in.layer, in.unit, in.input);
  net_.params() = saved;
  return w;
}

bool Lab::set_weight(int l, int j, int i, double value) {
  if (l < 1 || l >= net_.num_layers() || j < 0 || j >= net_.size(l) || i < 0 ||
      i >= net_.size(l - 1) || !std::isfinite(value))
    return false;
  net_.weight(l, j, i) = value;
  record();
  return true;
}

std::string Lab::state_json() const {
  const InspectorSelection& in = inspector_;
  const bp::Trace trace = inspector_trace();
  // The inspected sample: outputs y′_k, targets t_k and errors y′_k − t_k (local error E = y′ − y
  // in the lessons' words), plus its loss. First output alone as output/target/error.
  nlohmann::json sample = {{"index", in.sample}};
  if (train_.size() > 0) {
    const std::vector<double>& y = trace.y.back();
    const double* t = train_.target(std::min(in.sample, train_.size() - 1));
    std::vector<double> errors(y.size());
    for (std::size_t k = 0; k < y.size(); ++k) errors[k] = y[k] - t[k];
    sample["outputs"] = y;
    sample["targets"] = std::vector<double>(t, t + y.size());
    sample["errors"] = errors;
    sample["output"] = y[0];
    sample["target"] = t[0];
    sample["error"] = errors[0];
    sample["loss"] = trace.loss;
  }
  const bp::ErrorStats stats = bp::error_stats(net_, trainer_->loss(), train_);
  std::vector<double> updates, gradients;
  for (const History& h : update_size_) updates.push_back(h.size() ? h.ys().back() : 0.0);
  for (const History& h : gradient_size_) gradients.push_back(h.size() ? h.ys().back() : 0.0);
  nlohmann::json j = {
      {"epoch", trainer_->epoch()},
      {"iteration", trainer_->iteration()},
      {"iterations_per_epoch", trainer_->iterations_per_epoch()},
      {"loss_train", loss_train_},
      {"loss_test", loss_test_},
      {"learning_rate", settings_.hyper.learning_rate},
      {"momentum", settings_.hyper.momentum},
      {"batch_size", settings_.hyper.batch_size},
      {"l1", settings_.hyper.l1},
      {"l2", settings_.hyper.l2},
      {"running", running_},
      {"diverged", diverged_},
      {"divergence_message", divergence_message_},
      {"dataset", settings_.dataset},
      {"samples_train", train_.size()},
      {"samples_test", test_.size()},
      {"hidden", settings_.hidden},
      {"outputs", settings_.outputs},
      {"activation", bp::activation(settings_.hidden_activation).name},
      {"output_activation", bp::activation(settings_.output_activation).name},
      {"loss", bp::loss(settings_.loss).name},
      {"speed", settings_.speed},
      {"hash", encode_hash(settings_)},
      {"markers", markers_.size()},
      {"errors", {{"sse", stats.sse}, {"mse", stats.mse}, {"rmse", stats.rmse}}},
      {"update_size", updates},
      {"gradient_size", gradients},
      {"sample", sample},
      // The selected weight w_ji and, for the inspected sample, θ_j, y_j, the input y_i it
      // multiplies, ∂E/∂y_j, ∂E/∂θ_j and ∂E/∂w_ji = ∂E/∂θ_j · y_i; slope: ∂E/∂w_ji over the
      // whole training set.
      {"inspector",
       {{"weight", weight_name(in.layer, in.unit, in.input)},
        {"sample", in.sample},
        {"step", in.step},
        {"layer", in.layer},
        {"unit", in.unit},
        {"input", in.input},
        {"value", net_.weight(in.layer, in.unit, in.input)},
        {"theta", trace.theta[in.layer][in.unit]},
        {"y", trace.y[in.layer][in.unit]},
        {"y_input", trace.y[in.layer - 1][in.input]},
        {"dE_dy", trace.dE_dy[in.layer][in.unit]},
        {"dE_dtheta", trace.dE_dtheta[in.layer][in.unit]},
        {"gradient", trace.dE_dtheta[in.layer][in.unit] * trace.y[in.layer - 1][in.input]},
        {"slope", inspector_slope()}}},
  };
  return j.dump();
}

}  // namespace lab
