// GPU evaluation of the network over the input plane: for every pixel, a fragment shader computes
// the pixel's input (x₁, x₂), the selected features and every layer's θ = W·y + b and y = f(θ),
// and colours one unit's output y with the lab's colour map. The network part of the shader is
// generated for each architecture (layer sizes, activations, features; see
// shaders/boundary.frag.glsl) and compiled when the architecture changes, once per layer shown:
// programs are cached by architecture. No per-pixel work is done on the CPU: per frame the
// parameters (≤ 2048 floats) are repacked and uploaded to a uniform buffer when they changed, and
// each map is one draw of one triangle, skipped when nothing it depends on changed.
//
// GL only (no ImGui): the view (boundary_view.h) shows the textures, tests read values back.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "network.h"

namespace bplab {

// What a map shows: one unit over a square of the input plane, and how it is coloured.
struct MapRequest {
  double lo = -1.2, hi = 1.2;  // input range of both axes: x₁ grows rightwards, x₂ upwards
  int layer = -1;              // layer of the unit (0 = the input features); −1 = output layer
  int unit = 0;
  double value_lo = 0.0, value_hi = 1.0;  // the values coloured orange (t = 0) and blue (t = 1)
  bool discrete = false;                  // hard colours, t < ½ orange and t ≥ ½ blue
  bool contour = false;                   // a line where t = ½
  float line_px = 1.5f;                   // its width in device pixels

  bool operator==(const MapRequest& o) const {
    return lo == o.lo && hi == o.hi && layer == o.layer && unit == o.unit && value_lo == o.value_lo &&
           value_hi == o.value_hi && discrete == o.discrete && contour == o.contour && line_px == o.line_px;
  }
  bool operator!=(const MapRequest& o) const { return !(*this == o); }
};

// The shader's value at the centre of the pixel that contains a requested point.
struct ShaderSample {
  double x1, x2;  // that pixel centre's input coordinates
  float y;
};

class BoundaryRenderer {
 public:
  // The networks the shader evaluates: input + 6 hidden + output layers of ≤ 16 units, ≤ 7
  // features; the parameters repacked as at most 512 vec4 (8 KiB, half the smallest uniform block
  // GL guarantees).
  static constexpr int kMaxLayers = 8;
  static constexpr int kMaxUnits = 16;
  static constexpr int kMaxFeatures = 7;
  static constexpr int kMaxParamVec4 = 512;
  static constexpr int kAtlasSize = 1024;  // device pixels per side of the small maps' texture

  BoundaryRenderer() = default;
  BoundaryRenderer(const BoundaryRenderer&) = delete;
  BoundaryRenderer& operator=(const BoundaryRenderer&) = delete;
  // Deletes the GL objects if a GL context is still current (they die with it otherwise).
  ~BoundaryRenderer();

  // Whether the shader can evaluate this network (its sizes are within the limits above).
  static bool supports(const bp::Network& net);

  // Makes `net`, fed with the features in the bit mask, the network that the next draws evaluate.
  // Creates the GL objects on first use (a GL context must be current). Returns false, with
  // error() saying why, when GL set-up failed or the network is beyond supports().
  bool set_network(const bp::Network& net, std::uint32_t features);

  // Counts the changes of what the maps show: it grows whenever set_network() gets a different
  // architecture or different parameters. A map drawn at the same count is still up to date.
  unsigned long params_version() const { return params_version_; }

  // Draws the map into an offscreen RGBA8 texture of width × height device pixels (reallocated only
  // when the size changes) and returns the GL texture name, or 0 on failure. The texture's first
  // row is the bottom of the map (x₂ = lo), as GL stores it. When the request, the size and
  // params_version() are those of the last successful call, the texture is returned as it is.
  // With grid > 0 the network is evaluated on a grid of at most grid × grid texels only, which is
  // stretched (bilinearly) to width × height: far cheaper for a software rasteriser, and soft.
  // The texture is meant to be shown 1:1 and samples nearest.
  unsigned render(const MapRequest& request, int width, int height, int grid = 0);
  // Draws the map into the size × size square at (x, y) (device pixels, from the bottom left) of
  // the small maps' atlas, a kAtlasSize² RGBA8 texture, and returns that texture, or 0.
  unsigned render_tile(const MapRequest& request, int x, int y, int size);
  // How many times render() or render_tile() changed a texture's pixels: a caller that shows the
  // texture compares it before and after a call to tell whether the picture changed.
  unsigned long drawings() const { return drawings_; }

  // For tests: draws the request's unit through the same shader, writing y's float bits instead of
  // a colour, into size × size pixels over [lo, hi]², reads them back and returns the value at the
  // pixel containing each (x₁, x₂) (clamped to the map). False, with error(), on failure.
  bool sample(const MapRequest& request, int size, const std::vector<std::array<double, 2>>& points,
              std::vector<ShaderSample>* out);

  const std::string& error() const { return error_; }

 private:
  // What the generated shader code depends on: the layer sizes, activations and selected features.
  struct Architecture {
    int layers = 0;
    std::array<int, kMaxLayers> size{}, act{};
    std::uint32_t features = 0;
    bool operator==(const Architecture& o) const {
      return layers == o.layers && size == o.size && act == o.act && features == o.features;
    }
  };
  // A linked program for one architecture that shows a unit of one layer, colour or raw.
  struct Program {
    Architecture arch;
    int out_layer = -1;
    bool raw = false;
    unsigned long last_used = 0;  // for evicting the least recently used program
    unsigned id = 0;  // 0: building failed (kept so that it is not retried every frame)
    int origin = -1, lo = -1, step = -1, unit = -1;
    int range = -1, discrete = -1, contour = -1, line_px = -1;  // colour program only
  };
  struct Target {
    unsigned framebuffer = 0, texture = 0;
    int width = 0, height = 0;
  };

  bool init();
  // The cached program for the current architecture, out_layer and raw, built if missing; null
  // with error() on failure.
  const Program* program(int out_layer, bool raw);
  bool build_program(Program* p);
  // filter: the texture's GL_TEXTURE_{MIN,MAG}_FILTER.
  bool ensure_target(Target* target, int width, int height, bool raw, int filter);
  bool draw(bool raw, const MapRequest& request, const Target& target, int x, int y, int width,
            int height);
  void release();

  bool ready_ = false;
  bool failed_ = false;  // init() failed: do not retry every frame
  std::string error_;
  std::vector<Program> programs_;
  unsigned long use_clock_ = 0;
  unsigned vertex_array_ = 0, params_buffer_ = 0;
  Target map_, coarse_, atlas_, readback_;  // coarse_: render()'s grid before stretching

  Architecture arch_;
  // Where each layer l ≥ 1 starts in the packed parameters, in vec4 (see pack_offsets()).
  std::array<int, kMaxLayers> offset_{};
  // Parameters as float vec4s: packed_ is this frame's, uploaded_ what the buffer holds.
  std::array<float, kMaxParamVec4 * 4> packed_{}, uploaded_{};
  int uploaded_vec4_ = -1;  // vec4 in uploaded_; −1 before the first upload
  unsigned long params_version_ = 0;

  // The last render() into map_ that succeeded, reused while nothing changes.
  MapRequest map_request_;
  int map_width_ = 0, map_height_ = 0, map_grid_ = 0;
  unsigned long map_version_ = 0;
  bool map_valid_ = false;
  unsigned long drawings_ = 0;
};

}  // namespace bplab
