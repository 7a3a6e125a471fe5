// The Graph tab: the chain rule as a computational graph. For the inspector's sample and selected
// weight or bias, the path from that parameter to the loss E through the gates ×, +, f and E, each
// with its forward value above it and its backward gradient ∂E/∂(its output) below it, and the
// local rule that turns one into the next (+ passes the gradient on, × multiplies it by the other
// input, f multiplies it by f′(θ)). Above a hidden unit the paths through the next layer are one
// "Σ over the paths" node until a click expands it. Every number comes from the engine
// (bp::param_path, graph_terms.h), revealed in step with the inspector's walk.
#pragma once
#include <set>
#include <utility>

#include <nlohmann/json_fwd.hpp>

#include "ui_context.h"

namespace bplab {

struct GraphViewState {
  std::set<std::pair<int, int>> expanded;  // hidden units (l, j) whose Σ node is expanded
};

void draw_graph_view(UiContext& ui, GraphViewState& state);

// What the graph shows of the selected parameter's path, for window.lab.state().graph: the
// parameter, its unit's gates (kind, value, grad, local, grad_out), what lies above them (the loss
// gate, or the sum of the paths with its ∂E/∂y_j) and the expanded sums as [layer, unit] pairs.
nlohmann::json graph_state_json(const lab::Lab& lab, const GraphViewState& state);

}  // namespace bplab
