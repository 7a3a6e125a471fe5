#include "landscape_session.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

#include "gradient.h"
#include "plane_hessian.h"

namespace lab {
namespace {

constexpr int kStrides[] = {8, 4, 2, 1};
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Samples × parameters the Hessian plane may spend per end of the spectrum: 300 products for the
// default lab (200 samples, 25 parameters), fewer for larger set-ups.
constexpr double kHessianWork = 1.5e6;

double seconds_now() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

}  // namespace

void LandscapeSession::set_options(const LandscapeOptions& o) {
  if (o == options_) return;
  options_ = o;
  options_changed_ = true;
}

const bp::Hyperparams* LandscapeSession::penalty(const Lab& lab) const {
  const bp::Hyperparams& h = lab.trainer().hyperparams();
  return options_.with_penalty && bp::has_penalty(h) ? &h : nullptr;
}

void LandscapeSession::record_path(const Lab& lab) {
  const std::vector<double>& p = lab.network().params();
  const long long iteration = lab.trainer().iteration();
  const bool other_network = !snapshots_.empty() && snapshots_.back().size() != p.size();
  if (other_network || iteration < last_iteration_) {
    snapshots_.clear();
    initial_.clear();
    options_changed_ = true;
  }
  if (iteration == 0 || initial_.size() != p.size()) initial_ = p;
  if (snapshots_.empty() || snapshots_.back() != p) {
    snapshots_.push_back(p);
    if (snapshots_.size() > kPathLength) snapshots_.erase(snapshots_.begin());
  }
  last_iteration_ = iteration;
}

void LandscapeSession::rebuild_plane(const Lab& lab) {
  const bp::Network& net = lab.network();
  bp::Status s = bp::Status::ok();
  lambda_max_ = lambda_min_ = kNaN;
  switch (options_.mode) {
    case LandscapeMode::Names: s = bp::name_plane(net, options_.name1, options_.name2, &plane_); break;
    case LandscapeMode::Hessian: {
      // Each product is two passes over the training set: bound the work by its size, so that
      // the lab's largest set-ups stay within a fraction of a second.
      const double per_product = double(lab.train_set().size()) * double(net.num_params());
      const int products = int(std::clamp(kHessianWork / std::max(1.0, per_product), 20.0, 300.0));
      bp::HessianExtremes e;
      s = bp::hessian_plane(net, lab.trainer().loss(), lab.train_set(), &plane_, &e, products);
      if (s) lambda_max_ = e.lambda_max, lambda_min_ = e.lambda_min;
      break;
    }
    case LandscapeMode::Random: s = bp::random_plane(net, options_.seed, &plane_); break;
    case LandscapeMode::Path: s = bp::path_plane(net, snapshots_, &plane_); break;
    case LandscapeMode::Line: s = bp::line_plane(net, initial_, &plane_); break;
  }
  has_plane_ = s.is_ok();
  error_ = s.is_ok() ? std::string() : s.message();
}

void LandscapeSession::recentre(const Lab& lab) {
  const bool follows_path =
      options_.mode == LandscapeMode::Path || options_.mode == LandscapeMode::Line;
  if (options_changed_ || !has_plane_ || !lab.running() || follows_path)
    rebuild_plane(lab);
  else
    plane_.origin = lab.network().params();
  options_changed_ = false;
  centred_revision_ = lab.revision();
  next_ = 0;
  stride_ = 0;
  if (!has_plane_) return;

  const int g = options_.grid;
  grid_.grid = g;
  grid_.range = options_.range;
  grid_.rows = plane_.is_line() ? 1 : g;
  grid_.e.assign(std::size_t(grid_.rows) * g, kNaN);
  done_.assign(grid_.e.size(), 0);
  order_.clear();
  pass_end_.clear();
  std::vector<char> queued(grid_.e.size(), 0);
  for (int stride : kStrides) {
    for (int row = 0; row < grid_.rows; row += stride)
      for (int col = 0; col < g; col += stride) {
        const std::size_t k = std::size_t(row) * g + col;
        if (!queued[k]) order_.push_back(k);
        queued[k] = 1;
      }
    pass_end_.push_back(int(order_.size()));
  }
  min_loss_ = std::numeric_limits<double>::infinity();
  max_loss_ = -std::numeric_limits<double>::infinity();

  const bp::Network& net = lab.network();
  bp::LandscapeEvaluator eval(net, lab.trainer().loss(), lab.train_set(), plane_, penalty(lab));
  center_loss_ = eval.at(0, 0);

  // −∇E at the centre, with the penalty's gradient when the loss shown has the penalty.
  std::vector<double> grad(net.num_params());
  std::vector<int> all(lab.train_set().size());
  std::iota(all.begin(), all.end(), 0);
  bp::Trace trace;
  trace.resize(net);
  bp::batch_gradient(net, lab.trainer().loss(), lab.train_set(), all.data(), int(all.size()),
                     &trace, grad.data());
  if (const bp::Hyperparams* h = penalty(lab))
    for (std::size_t k = 0; k < grad.size(); ++k)
      if (!net.param_ref(k).is_bias()) grad[k] = bp::penalised_gradient(net.params()[k], grad[k], *h);
  std::vector<double> moved(net.num_params());
  for (std::size_t k = 0; k < moved.size(); ++k) moved[k] = plane_.origin[k] - grad[k];
  descent_ = bp::project_on_plane(plane_, moved.data());
  const std::vector<double>& v = lab.trainer().velocity();
  for (std::size_t k = 0; k < moved.size(); ++k) moved[k] = plane_.origin[k] + v[k];
  velocity_ = bp::project_on_plane(plane_, moved.data());
  reproject();
}

void LandscapeSession::reproject() {
  projected_.clear();
  if (!has_plane_) return;
  for (const std::vector<double>& s : snapshots_)
    if (s.size() == plane_.origin.size()) projected_.push_back(bp::project_on_plane(plane_, s.data()));
}

void LandscapeSession::update(const Lab& lab, double now_s, double budget_ms) {
  record_path(lab);
  const bool moved = lab.revision() != centred_revision_;
  // While training, a grid is completed before the next one starts, so that a large grid or a
  // slow device still shows a whole picture.
  const bool due = options_changed_ ||
                   (moved && (!lab.running() || (now_s - centred_at_ >= kRecentreSeconds && complete())));
  const double start = seconds_now();
  if (due) {
    work_ms_ = 0;
    work_frames_ = 0;
    recentre(lab);
    centred_at_ = now_s;
  } else if (has_plane_ && moved) {
    reproject();
  }
  if (!has_plane_ || (next_ == order_.size() && !due)) return;
  ++work_frames_;
  bp::LandscapeEvaluator eval(lab.network(), lab.trainer().loss(), lab.train_set(), plane_,
                              penalty(lab));
  const int g = grid_.grid;
  while (next_ < order_.size()) {
    const std::size_t k = order_[next_++];
    const int row = int(k / g), col = int(k % g);
    const double b = grid_.rows == 1 ? 0.0 : bp::grid_offset(row, g, grid_.range);
    const double e = eval.at(bp::grid_offset(col, g, grid_.range), b);
    grid_.e[k] = e;
    done_[k] = 1;
    if (e < min_loss_) {
      min_loss_ = e;
      min_col_ = col;
      min_row_ = row;
    }
    if (e > max_loss_) max_loss_ = e;
    for (std::size_t p = 0; p < pass_end_.size(); ++p)
      if (next_ == std::size_t(pass_end_[p])) stride_ = kStrides[p];
    if ((next_ & 7) == 0 && (seconds_now() - start) * 1000 >= budget_ms) break;
  }
  if (next_ == order_.size()) ++grids_completed_;
  work_ms_ += (seconds_now() - start) * 1000;
}

double LandscapeSession::value(int col, int row) const {
  const std::size_t k = std::size_t(row) * grid_.grid + col;
  if (done_[k]) return grid_.e[k];
  if (stride_ == 0) return kNaN;
  const auto snap = [this](int i) { return std::min(((i + stride_ / 2) / stride_) * stride_, grid_.grid - 1); };
  const int r = grid_.rows == 1 ? 0 : snap(row);
  return grid_.e[std::size_t(r) * grid_.grid + snap(col)];
}

double LandscapeSession::loss_at(const Lab& lab, double a, double b) const {
  if (!has_plane_) return kNaN;
  bp::LandscapeEvaluator eval(lab.network(), lab.trainer().loss(), lab.train_set(), plane_,
                              penalty(lab));
  return eval.at(a, b);
}

std::vector<double> LandscapeSession::params_at(double a, double b) const {
  std::vector<double> p(plane_.origin.size());
  bp::plane_point(plane_, a, b, p.data());
  return p;
}

}  // namespace lab
