// The weights: per-layer weight-matrix heatmaps (row j = unit of layer l, column i = unit of layer
// l − 1, diverging colours scaled by the layer's max |w|), histograms of all weights and of all
// gradients ∂E/∂w, and the mean update size per layer over time on a log scale, so that vanishing
// or exploding gradients become visible. Each part has a "(?)" saying what to look for.
#pragma once
#include <vector>

#include "imgui.h"
#include "plot_math.h"
#include "ui_context.h"

namespace bplab {

struct WeightsViewState {
  bool show_gradient_size = false;  // the per-layer plot shows mean |∂E/∂w| instead of mean |Δw|
  // Reused every frame: the gathered values, the two histograms and polyline points.
  std::vector<double> values;
  lab::plot::Histogram weight_hist, gradient_hist;
  std::vector<ImVec2> scratch;
};

void draw_weights_view(UiContext& ui, WeightsViewState& state);

}  // namespace bplab
