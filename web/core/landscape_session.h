// LandscapeSession: what the lab's Landscape view shows, computed by the engine (landscape.h,
// plane.h): the training loss on a grid over a plane through the current parameters, the recent
// path of the parameters projected on it, the −gradient there and the slice's minimum.
//
// Live within the frame budget: update() computes grid points only for the time it is given, in
// passes from coarse to fine (every 8th point of each axis, then every 4th, 2nd and 1st), so a
// rough picture comes first and the view draws each cell from the nearest point computed so far.
// While training, the grid is re-centred on the current parameters a few times a second, once the
// last grid is complete; when paused, whenever the parameters change. The directions stay fixed
// while training (a named, a random or a Hessian plane is recomputed only when the lab is paused
// or the choice changes, since the Hessian costs hundreds of gradient passes); the path and line
// planes follow the path.
#pragma once
#include <string>
#include <vector>

#include "landscape.h"
#include "landscape_options.h"
#include "lab.h"
#include "plane.h"

namespace lab {

class LandscapeSession {
 public:
  // The most recent snapshots of the parameters kept for the path.
  static constexpr std::size_t kPathLength = 300;
  // Seconds between re-centrings while training.
  static constexpr double kRecentreSeconds = 0.25;

  const LandscapeOptions& options() const { return options_; }
  // New options restart the grid (and rebuild the plane); bad names are reported by error().
  void set_options(const LandscapeOptions& o);

  // Once per frame while the view is shown: records the path, re-centres when due and computes
  // grid points for at most budget_ms. now_s: a clock in seconds.
  void update(const Lab& lab, double now_s, double budget_ms);

  // Why there is no plane (e.g. "no parameter 'w9' …", "the path plane needs …"); empty when there
  // is one.
  const std::string& error() const { return error_; }
  bool has_plane() const { return has_plane_; }
  const bp::Plane& plane() const { return plane_; }
  int grid() const { return grid_.grid; }
  int rows() const { return grid_.rows; }
  double range() const { return grid_.range; }
  bool complete() const { return has_plane_ && next_ == order_.size(); }
  // How many grids have been completed: a view that draws only complete grids redraws when it
  // changes.
  long grids_completed() const { return grids_completed_; }
  // The stride of the finest pass completed (8, 4, 2, 1), 0 before the first pass is done.
  int stride() const { return stride_; }
  // E at grid point (col, row) as drawn now: the nearest point of the finest completed pass.
  double value(int col, int row) const;
  // Over the points computed so far.
  double min_loss() const { return min_loss_; }
  double max_loss() const { return max_loss_; }
  int min_col() const { return min_col_; }
  int min_row() const { return min_row_; }
  // Main-thread work spent on the current grid so far (its plane, centre, arrows and points), in
  // milliseconds, and the number of update() calls it was spread over.
  double work_ms() const { return work_ms_; }
  int work_frames() const { return work_frames_; }
  // E at the centre (the parameters the grid was centred on); NaN before it is computed.
  double center_loss() const { return center_loss_; }
  // The path projected on the plane, oldest first.
  const std::vector<bp::PlaneCoords>& path() const { return projected_; }
  // −∇E at the centre projected on the plane (the full training set's gradient, penalty included
  // when the loss shown includes it).
  bp::PlaneCoords descent() const { return descent_; }
  // The velocity of the momentum optimiser projected on the plane.
  bp::PlaneCoords velocity() const { return velocity_; }
  // On the Hessian plane, the curvatures along its two directions, the Hessian's largest and
  // smallest eigenvalue (their ratio κ is the ravine's condition number); NaN on other planes.
  double lambda_max() const { return lambda_max_; }
  double lambda_min() const { return lambda_min_; }
  // E at any point of the plane (hover), and the parameters there (click).
  double loss_at(const Lab& lab, double a, double b) const;
  std::vector<double> params_at(double a, double b) const;

 private:
  void record_path(const Lab& lab);
  void recentre(const Lab& lab);
  void rebuild_plane(const Lab& lab);
  void reproject();
  const bp::Hyperparams* penalty(const Lab& lab) const;

  LandscapeOptions options_;
  bool options_changed_ = true;
  bool has_plane_ = false;
  std::string error_;
  bp::Plane plane_;
  bp::LandscapeGrid grid_;
  std::vector<char> done_;          // [rows][grid]: computed
  std::vector<std::size_t> order_;  // grid indices, coarse passes first
  std::vector<int> pass_end_;       // order_ index where each pass (stride 8, 4, 2, 1) ends
  std::size_t next_ = 0;
  int stride_ = 0;
  double center_loss_ = 0;
  double min_loss_ = 0, max_loss_ = 0;
  int min_col_ = 0, min_row_ = 0;
  std::uint64_t centred_revision_ = 0;
  double centred_at_ = -1e9;
  std::vector<std::vector<double>> snapshots_;  // oldest first
  std::vector<double> initial_;                 // parameters at iteration 0
  long long last_iteration_ = -1;
  std::vector<bp::PlaneCoords> projected_;
  bp::PlaneCoords descent_, velocity_;
  double lambda_max_ = 0, lambda_min_ = 0;
  double work_ms_ = 0;
  int work_frames_ = 0;
  long grids_completed_ = 0;
};

}  // namespace lab
