// Where the lab's panels go on a display of a given size: a pure function of the size and of
// which panels the frame shows, so that a unit test can check every layout without drawing.
//
// Wide and landscape displays get three columns: controls | output map over network |
// lesson over loss over details. A display too narrow for three columns of kMinColumn, or taller
// than wide (a tablet held upright), gets two rows instead: the output map beside the network on
// top, and the controls beside the lesson, loss and details column below.
#pragma once

namespace bplab {

// In ImGui display units (CSS pixels at 100 % UI scale). Zero width or height: not shown.
struct PanelRect {
  float x = 0, y = 0, w = 0, h = 0;
  bool shown() const { return w > 0 && h > 0; }
};

// The panels a frame wants. view is the output map or, during a lesson, the step's widget.
struct PanelSet {
  bool controls = true;
  bool view = true;
  bool network = true;
  bool lesson = false;
  bool loss = true;
  bool details = true;
};

struct PanelLayout {
  enum class Mode { Columns, Rows };
  Mode mode = Mode::Columns;
  PanelRect controls, view, network, lesson, loss, details;
};

// Narrowest a column of panels may be.
constexpr float kMinColumn = 300.0f;
// Narrowest the controls may be: their widest row (Pause, Step, Step epoch, Reset, each with its
// help marker) beside the scrollbar of a panel too short for all of them.
constexpr float kMinControls = 380.0f;

// Rectangles tiling width × height for the panels in `shown`; a panel not wanted gets an empty
// rectangle and its space goes to its neighbours. Edges are whole units, and neighbouring panels
// share an edge without overlapping.
PanelLayout layout_panels(float width, float height, const PanelSet& shown);

}  // namespace bplab
