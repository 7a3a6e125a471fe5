// History: a bounded series of (x, y) points for the live plots (loss curve, update magnitudes),
// x the iteration, each point also carrying the epoch it was recorded at (bp::Trainer::epochs_done,
// exact across batch-size changes). When full, every other point is dropped and the recording
// stride (in x) doubles, so a long run keeps its whole shape at an even resolution in fixed memory.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace lab {

class History {
 public:
  explicit History(std::size_t capacity = 4096);

  // Offers a point at iteration x and epoch position `epoch`; it is kept when x has advanced by at
  // least the current stride.
  void add(double x, double epoch, double y);
  void clear();

  std::size_t size() const { return xs_.size(); }
  const std::vector<double>& xs() const { return xs_; }
  const std::vector<double>& epochs() const { return epochs_; }
  const std::vector<double>& ys() const { return ys_; }
  double stride() const { return stride_; }

  // The smallest and largest finite y among points with x ≥ x_from (false when none).
  bool y_range(double x_from, double* lo, double* hi) const;

 private:
  std::size_t capacity_;
  double stride_ = 0;  // 0: keep every point
  std::vector<double> xs_, epochs_, ys_;
};

// The loss curves as CSV: "iteration,epoch,loss_train,loss_test" and one row per recorded point
// (the two curves are recorded together, so their points pair up).
std::string loss_curves_csv(const History& train, const History& test);

// A labelled moment on the loss curve, e.g. where the learning rate was changed: at iteration x and
// epoch position `epoch`.
struct Marker {
  double x;
  double epoch;
  std::string text;
};

}  // namespace lab
