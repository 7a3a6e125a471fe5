// The Landscape tab: the training loss over a plane through the current parameters (computed by
// lab::LandscapeSession with the engine), as filled cells coloured by E with iso-lines, the recent
// path of the parameters projected on the plane, the current point, the −gradient and velocity
// arrows and the slice's minimum. Hover reads E; a click moves the parameters there
// (Lab::set_params: velocity reset, a marker on the loss curve).
#pragma once
#include <array>
#include <string>

#include "draw_replay.h"
#include "landscape_session.h"
#include "ui_context.h"

namespace bplab {

struct LandscapeViewState {
  lab::LandscapeSession session;
  bool log_colour = false;
  // The picture drawn: while training it is the last complete grid, with its path, arrows and
  // caption, and its triangles are appended again (DrawReplay) until the next grid is complete.
  DrawReplay plot;
  std::array<float, 6> plot_key{};  // where it was drawn and the font atlas's white texel
  long plot_grids = -1;              // the session's grids_completed() when it was drawn
  lab::LandscapeOptions plot_options;
  bool plot_log = false;
  std::string caption;
  bool select_tab = false;  // bring the tab to the front on the next frame (a link's land=)
};

void draw_landscape_view(UiContext& ui, LandscapeViewState& state);

}  // namespace bplab
