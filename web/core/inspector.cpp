#include "inspector.h"

#include <algorithm>

#include "gradcheck.h"
#include "gradient.h"
#include "lab.h"
#include "param_names.h"

namespace lab {

namespace {

// Whether a and b inspect the same weight on the same sample (the step changes what is shown, not
// what is computed).
bool same_target(const InspectorSelection& a, const InspectorSelection& b) {
  return a.sample == b.sample && a.layer == b.layer && a.unit == b.unit && a.input == b.input;
}

}  // namespace

bool Inspector::select_weight(int l, int j, int i) {
  const bp::Network& net = lab_.network();
  if (l < 1 || l >= net.num_layers() || j < 0 || j >= net.size(l) || i < 0 || i >= net.size(l - 1))
    return false;
  sel_.layer = l;
  sel_.unit = j;
  sel_.input = i;
  return true;
}

bool Inspector::select_bias(int l, int j) {
  const bp::Network& net = lab_.network();
  if (l < 1 || l >= net.num_layers() || j < 0 || j >= net.size(l)) return false;
  sel_.layer = l;
  sel_.unit = j;
  sel_.input = -1;
  return true;
}

bool Inspector::select_param(std::size_t k) {
  if (k >= lab_.network().num_params()) return false;
  const bp::Network::ParamRef p = lab_.network().param_ref(k);
  return p.is_bias() ? select_bias(p.layer, p.unit) : select_weight(p.layer, p.unit, p.input);
}

int Inspector::steps() const { return 1 + 4 * (lab_.network().num_layers() - 1) + 1; }

InspectorStep Inspector::step_at(int step) const {
  const int L = lab_.network().num_layers(), weight_layers = L - 1;
  if (step <= 0) return {InspectorPhase::Input, 0};
  if (step <= weight_layers) return {InspectorPhase::Forward, step};
  const int back = step - weight_layers - 1;
  if (back < 3 * weight_layers) {
    static const InspectorPhase kBackward[] = {InspectorPhase::BackwardTheta,
                                               InspectorPhase::BackwardY, InspectorPhase::BackwardW};
    return {kBackward[back % 3], L - 1 - back / 3};
  }
  return {InspectorPhase::Update, L - 1};
}

bool Inspector::revealed(InspectorPhase phase, int layer) const {
  // The step that computes (phase, layer): the inverse of step_at().
  const int L = lab_.network().num_layers();
  int step = 0;
  switch (phase) {
    case InspectorPhase::Input: step = 0; break;
    case InspectorPhase::Forward: step = layer; break;
    case InspectorPhase::BackwardTheta:
    case InspectorPhase::BackwardY:
    case InspectorPhase::BackwardW:
      step = L + 3 * (L - 1 - layer) + (int(phase) - int(InspectorPhase::BackwardTheta));
      break;
    case InspectorPhase::Update: step = steps() - 1; break;
  }
  return step <= sel_.step;
}

std::string Inspector::weight_name() const { return bp::param_name(lab_.network(), param_index()); }

std::size_t Inspector::param_index() const {
  const bp::Network& net = lab_.network();
  return sel_.is_bias() ? net.bias_index(sel_.layer, sel_.unit)
                        : net.param_index(sel_.layer, sel_.unit, sel_.input);
}

const bp::Network& Inspector::network() const {
  refresh();
  return shown_;
}

double Inspector::value() const { return network().params()[param_index()]; }

double Inspector::input_value() const {
  return sel_.is_bias() ? 1.0 : trace().y[sel_.layer - 1][sel_.input];
}

double Inspector::sample_gradient() const {
  // ∂E/∂w_ji = ∂E/∂θ_j · y_i; ∂E/∂b_j = ∂E/∂θ_j (no multiplication, so δ itself to the bit).
  const double delta = trace().dE_dtheta[sel_.layer][sel_.unit];
  return sel_.is_bias() ? delta : delta * input_value();
}

int Inspector::sample() const {
  return std::clamp(sel_.sample, 0, std::max(0, lab_.train_set().size() - 1));
}

void Inspector::refresh() const {
  if (revision_ == lab_.shown_revision() && same_target(cached_sel_, sel_)) return;
  revision_ = lab_.shown_revision();
  shown_ = lab_.network();
  shown_velocity_ = lab_.trainer().velocity();
  cached_sel_ = sel_;
  has_trace_ = has_slope_ = has_batch_update_ = has_numeric_ = false;
  curve_.clear();
}

const bp::Trace& Inspector::trace() const {
  refresh();
  if (has_trace_) return trace_;
  const bp::Network& net = shown_;
  trace_.resize(net);
  if (lab_.train_set().size() > 0) {
    bp::forward(net, lab_.train_set().input(sample()), &trace_);
    bp::backward(net, lab_.trainer().loss(), lab_.train_set().target(sample()), &trace_, nullptr, 1.0);
  }
  has_trace_ = true;
  return trace_;
}

double Inspector::slope() const {
  refresh();
  if (has_slope_) return slope_;
  const bp::Network& net = shown_;
  const bp::Dataset& train = lab_.train_set();
  slope_ = 0;
  if (train.size() > 0) {
    std::vector<int> all(train.size());
    for (int s = 0; s < train.size(); ++s) all[s] = s;
    std::vector<double> grad(net.num_params());
    bp::Trace scratch;
    bp::batch_gradient(net, lab_.trainer().loss(), train, all.data(), train.size(), &scratch,
                       grad.data());
    slope_ = grad[param_index()];
  }
  has_slope_ = true;
  return slope_;
}

const std::vector<double>& Inspector::error_curve(double lo, double hi, int n) const {
  refresh();
  n = std::max(n, 2);
  if (int(curve_.size()) == n && curve_lo_ == lo && curve_hi_ == hi) return curve_;
  bp::Network net = shown_;
  double& w = net.params()[param_index()];
  curve_.resize(n);
  for (int k = 0; k < n; ++k) {
    w = lo + (hi - lo) * double(k) / double(n - 1);
    curve_[k] = bp::mean_loss(net, lab_.trainer().loss(), lab_.train_set());
  }
  curve_lo_ = lo;
  curve_hi_ = hi;
  return curve_;
}

bp::UpdateTerms Inspector::sample_update() const {
  // No penalty on a bias (update_rule.h).
  const double w = value();
  return bp::update_terms(w, sample_gradient(), !sel_.is_bias(), shown_velocity_[param_index()],
                          lab_.trainer().hyperparams());
}

bp::UpdateTerms Inspector::batch_update() const {
  refresh();
  if (has_batch_update_) return batch_update_;
  const bp::Network& net = lab_.network();
  const std::size_t k = param_index();
  if (lab_.can_train()) {
    batch_update_ = lab_.trainer().preview_update(k);
  } else {
    // Nothing to train on (or training diverged): the step leaves the weight where it is.
    batch_update_ = bp::UpdateTerms{};
    batch_update_.w = batch_update_.w_new = net.params()[k];
    batch_update_.v_old = batch_update_.v_new = lab_.trainer().velocity()[k];
  }
  has_batch_update_ = true;
  return batch_update_;
}

double Inspector::numerical_gradient() const {
  refresh();
  if (!has_numeric_) {
    bp::Network copy = shown_;  // perturbed and restored by the engine
    const int one = sample();
    numeric_ = bp::numerical_gradient(&copy, lab_.trainer().loss(), lab_.train_set(), &one, 1, param_index());
    has_numeric_ = true;
  }
  return numeric_;
}

}  // namespace lab
