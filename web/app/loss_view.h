// The loss curve: the global error E over the training and the test set against iterations or
// epochs (Settings::loss_axis, chosen here), live while training. Options: a log-scale y axis and
// "zoom to recent" (the last N % of the run). Dashed vertical markers show where a hyperparameter
// was changed (hover for what changed); the mouse reads off both errors at any recorded point.
// Non-finite errors (a divergence) leave a gap.
//
// Also the small line-plot toolkit the weights view shares: a frame with nice ticks on a linear or
// log axis, and a polyline that skips values the axis cannot show.
#pragma once
#include <cstddef>
#include <vector>

#include "imgui.h"
#include "plot_math.h"
#include "ui_context.h"

namespace bplab {

struct LossViewState {
  bool log_scale = false;
  int recent_percent = 100;     // show the last recent_percent % of the x axis (100: all)
  std::vector<ImVec2> scratch;  // polyline points, reused every frame
};

void draw_loss_view(UiContext& ui, LossViewState& state);

// A plot's data-to-screen mapping inside its frame.
struct PlotArea {
  ImVec2 min, max;  // the inner area, inside the axes
  lab::plot::AxisMap x, y;
  bool contains(ImVec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

// Lays out a plot in [outer_min, outer_max] — y tick labels on the left, x tick labels below —
// and draws the background, grid lines, ticks and labels. Whole-number x ticks only when
// integer_x (iterations).
PlotArea draw_plot_frame(ImDrawList* dl, ImVec2 outer_min, ImVec2 outer_max, lab::plot::Range x,
                         lab::plot::Range y, bool log_y, bool integer_x);

// Draws ys over xs from index `from` as polylines clipped to the area, broken wherever a value
// cannot be mapped (non-finite, or ≤ 0 on a log axis). scratch holds the points between frames.
void draw_series(ImDrawList* dl, const PlotArea& area, const std::vector<double>& xs,
                 const std::vector<double>& ys, std::size_t from, ImU32 colour, float thickness,
                 std::vector<ImVec2>* scratch);

}  // namespace bplab
