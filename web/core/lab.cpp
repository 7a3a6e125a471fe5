#include "lab.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>

#include "csv.h"
#include "input_features.h"
#include "gradient.h"
#include "init.h"
#include "model_io.h"
#include "number_text.h"

namespace lab {

using bp::Status;

Lab::Lab() { rebuild_network(); }

void Lab::rebuild_data() {
  data_.rebuild(settings_);
  inspector_.selection().sample = 0;
  changed();
}

void Lab::rebuild_network() {
  const Status s = bp::Network::create(layer_specs(settings_), &net_);
  (void)s;  // settings were validated before they were applied
  bp::initialise(&net_, settings_.init, settings_.seed);
  inspector_.reset();
  rebuild_trainer();
  clear_history();
}

void Lab::rebuild_trainer() {
  trainer_ = std::make_unique<bp::Trainer>(&net_, settings_.loss, &data_.train(), settings_.seed, true);
  const Status s = trainer_->set_hyperparams(settings_.hyper);
  (void)s;  // validated with the settings
  diverged_ = false;
  divergence_message_.clear();
  last_good_ = net_.params();
  start_loss_ = bp::mean_loss(net_, trainer_->loss(), data_.train());
  changed();
}

void Lab::clear_history() {
  train_curve_.clear();
  test_curve_.clear();
  markers_.clear();
  update_size_.assign(net_.num_layers() - 1, History());
  gradient_size_.assign(net_.num_layers() - 1, History());
  evaluate_and_record();
}

Status Lab::apply(const Settings& in, std::string* note) {
  Settings s = in;
  const std::string fitted = fit_outputs(&s, data_.targets());
  if (Status v = validate(s); !v) return v;
  const Settings old = settings_;
  settings_ = s;
  std::string what;
  if (data_changed(old, s)) {
    rebuild_data();
    rebuild_network();
    what = "New data: the network was re-initialised.";
  } else if (architecture_changed(old, s)) {
    data_.apply_features(settings_.features);
    rebuild_network();
    what = "Architecture changed: the network was re-initialised.";
  } else {
    const bp::Hyperparams &a = old.hyper, &b = s.hyper;
    std::string change;
    // Whole numbers as such: format_number's shortest text of 30 is "3e+01".
    const auto text = [](double v) {
      return v == std::floor(v) && std::fabs(v) < 1e15 ? std::to_string(static_cast<long long>(v))
                                                       : bp::format_number(v);
    };
    auto mark = [&](const char* name, double from, double to) {
      if (from != to)
        change += (change.empty() ? "" : ", ") + std::string(name) + " " + text(from) + " → " + text(to);
    };
    mark("η", a.learning_rate, b.learning_rate);
    mark("μ", a.momentum, b.momentum);
    mark("batch", a.batch_size, b.batch_size);
    mark("λ₁", a.l1, b.l1);
    mark("λ₂", a.l2, b.l2);
    if (!change.empty()) {
      const Status h = trainer_->set_hyperparams(b);
      (void)h;  // validated with the settings
      markers_.push_back({double(trainer_->iteration()), trainer_->epochs_done(), change});
      changed();
    }
  }
  if (note) *note = fitted.empty() ? what : what.empty() ? fitted : what + " " + fitted;
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

bool Lab::can_train() const { return !diverged_ && data_.train().size() > 0; }

void Lab::step() {
  if (!can_train()) return;
  check_divergence(trainer_->step());
  evaluate_and_record();
}

void Lab::step_epoch() {
  if (!can_train()) return;
  const long long start = trainer_->epoch();
  while (trainer_->epoch() == start && !check_divergence(trainer_->step())) {
  }
  evaluate_and_record();
}

int Lab::train_frame(double budget_ms) {
  if (!can_train()) return 0;
  const int done = settings_.speed > 0
                       ? train_up_to(settings_.speed, std::numeric_limits<double>::infinity())
                       : train_up_to(std::numeric_limits<int>::max(), budget_ms);
  evaluate_and_record();
  return done;
}

int Lab::train_up_to(int iterations, double budget_ms) {
  if (!can_train() || iterations <= 0) return 0;
  changed();
  // In WebAssembly reading the clock is a call out to JavaScript: read after every iteration it
  // took 14 % of the bench network's training time (a profile of the page at max). So the clock
  // is read after chunks of iterations, a chunk doubling while it lasts under kChunkMs, which
  // bounds the time spent past budget_ms to about 2 · kChunkMs.
  using clock = std::chrono::steady_clock;
  constexpr std::chrono::duration<double, std::milli> kChunkMs(0.05);
  const bool timed = std::isfinite(budget_ms);
  auto last = clock::now();
  const auto end = last + std::chrono::duration<double, std::milli>(timed ? budget_ms : 0.0);
  int done = 0, chunk = 1;
  while (done < iterations && !diverged_) {
    for (const int stop = done + std::min(chunk, iterations - done); done < stop && !diverged_; ++done)
      check_divergence(trainer_->step());
    if (!timed) continue;
    const auto now = clock::now();
    if (now >= end) break;
    if (now - last < kChunkMs) chunk *= 2;
    last = now;
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

void Lab::move_rollback_point() {
  // The last frames before a blow-up usually hold huge but finite weights: a state is good to roll
  // back to only when its error is no worse than at the start.
  const double e = train_stats_.mean_loss;
  if (std::isfinite(e) && e <= start_loss_) last_good_ = net_.params();
}

void Lab::evaluate_and_record() {
  if (!trainer_) return;
  changed();
  train_stats_ = bp::error_stats(net_, trainer_->loss(), data_.train(), &confusion_train_, &train_eval_);
  loss_test_ = bp::error_stats(net_, trainer_->loss(), data_.test(), &confusion_test_, &test_eval_).mean_loss;
  move_rollback_point();
  if (!diverged_ && !std::isfinite(train_stats_.mean_loss)) check_divergence(train_stats_.mean_loss);
  const double x = double(trainer_->iteration());
  const double epoch = trainer_->epochs_done();
  evaluated_iteration_ = x;
  evaluated_epoch_ = epoch;
  evaluated_revision_ = revision_;
  train_curve_.add(x, epoch, train_stats_.mean_loss);
  test_curve_.add(x, epoch, loss_test_);
  const std::vector<double>& v = trainer_->velocity();
  const std::vector<double>& g = trainer_->gradient();
  for (int l = 1; l < net_.num_layers() && l - 1 < int(update_size_.size()); ++l) {
    double dv = 0, dg = 0;
    const std::size_t begin = net_.weight_offset(l), end = net_.bias_offset(l);
    for (std::size_t k = begin; k < end; ++k) {
      dv += std::fabs(v[k]);
      dg += std::fabs(g[k]);
    }
    update_size_[l - 1].add(x, epoch, dv / double(end - begin));
    gradient_size_[l - 1].add(x, epoch, dg / double(end - begin));
  }
}

void Lab::rollback() {
  net_.params() = last_good_;
  trainer_->zero_velocity();
  diverged_ = false;
  divergence_message_.clear();
  evaluate_and_record();
}

void Lab::add_point(double x1, double x2, double target) {
  if (settings_.outputs != 1) return;
  add_target_row(x1, x2, &target);
}

bool Lab::add_class_point(double x1, double x2, int cls) {
  const int k = settings_.outputs;
  if (cls < 0 || cls >= bp::class_count(k)) return false;
  std::vector<double> t(k, 0.0);
  if (k == 1) t[0] = cls;
  else t[cls] = 1.0;  // one-hot: t_k = [k = cls]
  add_target_row(x1, x2, t.data());
  return true;
}

void Lab::add_target_row(double x1, double x2, const double* target) {
  data_.add_point(x1, x2, target, settings_.dataset != "custom", settings_.features);
  settings_.dataset = "custom";
  rebuild_trainer();
  evaluate_and_record();
}

void Lab::clear_points() {
  data_.clear(settings_.features);
  settings_.dataset = "custom";
  inspector_.selection().sample = 0;
  running_ = false;
  if (settings_.outputs != 1) {
    fit_outputs(&settings_, 1);
    rebuild_network();
    return;
  }
  rebuild_trainer();
  evaluate_and_record();
}

Status Lab::import_csv(std::string_view text, int targets) {
  if (targets < 1 || targets > kMaxOutputs)
    return Status::error("data: " + std::to_string(targets) + " targets, the lab takes 1 … " +
                         std::to_string(kMaxOutputs));
  bp::Dataset data;
  const bool class_column = bp::has_class_column(text, 2);
  if (class_column) {
    if (Status s = bp::parse_class_csv(text, 2, kMaxOutputs, &data); !s) return s;
    targets = data.n_targets;
  } else if (Status s = bp::parse_csv(text, 2, targets, &data); !s) {
    return s;
  }
  if (data.size() > kMaxLabSamples)
    return Status::error("data: " + std::to_string(data.size()) + " samples, the lab shows at most " +
                         std::to_string(kMaxLabSamples));
  Settings s = settings_;
  s.dataset = "custom";
  fit_outputs(&s, targets);
  if (class_column && targets >= 3) {  // one softmax unit per class, as for the generated sets
    s.output_activation = bp::ActivationId::Softmax;
    s.loss = bp::LossId::Ce;
  }
  if (Status v = validate(s); !v) return Status::error("data: " + v.message());
  settings_ = s;
  data_.replace(std::move(data), settings_);
  inspector_.selection().sample = 0;
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
  inspector_.reset();
  rebuild_trainer();
  clear_history();
  return Status::ok();
}

double Lab::predict(double x1, double x2, bp::Trace* trace) const {
  bp::Trace local;
  bp::Trace* t = trace ? trace : &local;
  std::vector<double> x(net_.input_size());
  bp::feature_vector(x1, x2, settings_.features, x.data());
  bp::forward(net_, x.data(), t);
  return t->y.back()[0];
}

std::vector<double> Lab::predict_all(double x1, double x2) const {
  bp::Trace t;
  predict(x1, x2, &t);
  return t.y.back();
}

bool Lab::set_weight(int l, int j, int i, double value) {
  if (l < 1 || l >= net_.num_layers() || j < 0 || j >= net_.size(l) || i < 0 ||
      i >= net_.size(l - 1) || !std::isfinite(value))
    return false;
  net_.weight(l, j, i) = value;
  evaluate_and_record();
  return true;
}

bool Lab::set_params(const std::vector<double>& params) {
  if (params.size() != net_.num_params()) return false;
  for (double p : params)
    if (!std::isfinite(p)) return false;
  net_.params() = params;
  trainer_->zero_velocity();
  markers_.push_back({double(trainer_->iteration()), trainer_->epochs_done(), "moved on the landscape"});
  evaluate_and_record();
  return true;
}

}  // namespace lab
