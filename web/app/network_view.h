// The network diagram: units as circles in columns (input features, hidden layers, output),
// connections as lines coloured by the sign of the weight (blue positive, orange negative) and as
// thick as its magnitude (clamped). Units are filled with their activation y for one point of the
// input plane and ringed by their bias. Hovering a connection shows its weight, ∂E/∂w and the
// momentum velocity; hovering a unit shows θ and y; clicking a connection selects it in the
// backprop inspector. Every connection's probe point is recorded in the item registry under its
// weight name ("w5"), so browser tests can hover and click it. While the lab trains, the diagram
// follows the weights a few times a second (DiagramRefresh), not every frame.
#pragma once
#include <string>
#include <vector>

#include "diagram_refresh.h"
#include "imgui.h"
#include "network.h"
#include "pass.h"
#include "ui_context.h"

namespace bplab {

class BoundaryView;

struct NetworkViewState {
  // The point of the input plane whose activations the diagram shows. The lead's decision-boundary
  // view sets it each frame while the learner hovers the map; otherwise (has_map_point = false)
  // the inspector's selected training sample is shown.
  bool has_map_point = false;
  double map_x1 = 0, map_x2 = 0;
  // Draws the small output map of a hovered unit (BoundaryView::draw_unit_map); none when null.
  BoundaryView* unit_maps = nullptr;

  // What the diagram shows: a copy of the network and the forward trace of the point through it,
  // taken every frame when paused, when the point or the network's shape changes, and otherwise
  // DiagramRefresh::hz() times a second. Reused across frames (no per-frame allocation).
  bp::Network shown;
  bp::Trace trace;
  double shown_x1 = 0, shown_x2 = 0;
  DiagramRefresh refresh;
  // The weight names and probe points, rebuilt only when the architecture or the canvas size
  // changes.
  std::vector<std::string> names;  // per weight, params order (weights only)
  std::vector<float> probe_t;      // per weight: where along its line a click hits only it
  std::vector<int> layout_key;     // layer sizes + unit area the two above were built for
};

void draw_network_view(UiContext& ui, NetworkViewState& state);

// The lab's diverging colour map (lab::colour) on a signed scale, for weights and gradients:
// t ∈ [−1, 1] (clamped) from orange (negative) through near-white (0) to blue (positive). A
// non-finite t is drawn mid-grey, so a blown-up value never passes for zero.
ImU32 diverging_colour(double t, float alpha = 1.0f);

}  // namespace bplab
