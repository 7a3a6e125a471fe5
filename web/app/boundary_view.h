// The output map: the network's output over the input plane (about [−1.2, 1.2]²), drawn at the
// view's full device resolution (while training, on a coarser grid: MapRefresh) by
// shaders/boundary.frag.glsl (BoundaryRenderer) whenever the
// weights, the size or the options changed,
// with the training and test points on top, a legend, the y = 0.5 boundary line for
// classification and a "Discretize output" option. Hovering shows (x₁, x₂) and the engine's output
// there (Lab::predict) to cross-check the shader; clicking adds a point (left: class 1, right:
// class 0). Also draws the small per-unit maps of the network diagram.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "boundary_renderer.h"
#include "lab.h"
#include "map_refresh.h"
#include "pass.h"
#include "platform_services.h"
#include "ui_context.h"

namespace bplab {

// Shader against engine over a grid × grid lattice of points of [−1, 1]²: the largest
// |y_shader − y_engine| of one unit, each compared at the centre of the pixel that the shader
// evaluated (float against double).
struct ShaderCheck {
  int points = 0;
  double max_error = 0;
  double worst_x1 = 0, worst_x2 = 0;  // where max_error occurs
  std::string error;                  // set when the shader could not be run
};
// layer −1 is the output layer. Renders a size × size read-back map.
ShaderCheck check_shader(BoundaryRenderer& renderer, const lab::Lab& lab, int layer, int unit,
                         int grid = 7, int size = 256);
// The class map (several outputs): the shader's winning class must be the engine's (bp::class_of
// of Lab::predict_all) except where two classes tie within 1e-4, and max_error is the largest
// |probability − the engine's y of that class|.
ShaderCheck check_class_shader(BoundaryRenderer& renderer, const lab::Lab& lab, int grid = 7,
                               int size = 256);

class BoundaryView {
 public:
  // Draws the options, the map (a square as wide as the space left allows) and its legend into
  // the current ImGui window.
  void draw(UiContext& ui);

  // Draws the output y of one unit (layer 0 = the input features, num_layers() − 1 = the output)
  // over the plane as a size × size (logical pixels) image at the cursor, through the same
  // shader. For the network diagram, beside units and in hover tooltips. The maps share one
  // texture and are drawn only when what they show changed.
  void draw_unit_map(const lab::Lab& lab, int layer, int unit, float size);

  // The output map's resolution and refresh rate while training, and the cost they follow.
  const MapRefresh& map_refresh() const { return refresh_; }

  // The input-plane point under the mouse during the last draw(); false when not hovered.
  bool hovered_point(double* x1, double* x2) const {
    *x1 = hover_x1_;
    *x2 = hover_x2_;
    return hovered_;
  }

 private:
  // A square of the atlas texture holding one unit map, kept across frames and drawn again only
  // when its request or the parameters changed.
  struct Tile {
    MapRequest request;    // what it shows …
    int px;                // … at px × px device pixels
    int x, y;              // its corner in the atlas (GL: from the bottom left)
    unsigned long version; // BoundaryRenderer::params_version() when it was drawn
    int used_frame;        // the last ImGui frame that showed it
  };
  const Tile* tile_for(const lab::Lab& lab, int layer, int unit, int px);

  std::unique_ptr<BoundaryRenderer> renderer_ = platform::make_boundary_renderer();
  MapRefresh refresh_;
  unsigned map_texture_ = 0;  // the output map shown, and when it was last drawn (ImGui time)
  double map_time_ = 0;
  bool show_test_ = true;
  bool discretize_ = false;
  int output_unit_ = 0;  // which output the map shows when the data has several targets
  int new_class_ = 0;    // the class of clicked points on a class map
  int new_binary_class_ = 1;  // the class of left-clicked (tapped) points with two classes
  bp::Trace hover_trace_;
  bool hovered_ = false;
  double hover_x1_ = 0, hover_x2_ = 0;

  // Shelf packing of the unit maps into the atlas: rows of tiles left to right, a new row above
  // the tallest tile of the current one. Emptied when full, unless this frame already uses a tile.
  std::vector<Tile> tiles_;
  unsigned atlas_texture_ = 0;
  int tiles_frame_ = -1;     // the frame for which set_network() was last called here
  bool network_ok_ = false;  // and whether it succeeded
  int shelf_x_ = 0, shelf_y_ = 0, shelf_height_ = 0;
};

}  // namespace bplab
