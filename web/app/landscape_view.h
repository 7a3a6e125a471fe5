// The Landscape tab: the training loss over a plane through the current parameters (computed by
// lab::LandscapeSession with the engine), as filled cells coloured by E with iso-lines, the recent
// path of the parameters projected on the plane, the current point, the −gradient and velocity
// arrows and the slice's minimum. Hover reads E; a click moves the parameters there
// (Lab::set_params: velocity reset, a marker on the loss curve).
#pragma once
#include "landscape_session.h"
#include "ui_context.h"

namespace bplab {

struct LandscapeViewState {
  lab::LandscapeSession session;
  bool log_colour = false;
  bool select_tab = false;  // bring the tab to the front on the next frame (a link's land=)
};

void draw_landscape_view(UiContext& ui, LandscapeViewState& state);

}  // namespace bplab
