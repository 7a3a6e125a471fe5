// GPU evaluation of the network over the input plane: shaders/boundary.frag.glsl computes, for
// every pixel, the pixel's input (x₁, x₂), the selected features and every layer's θ = W·y + b and
// y = f(θ) from the current parameters, and colours one unit's output y with the lab's colour map.
// No per-pixel work is done on the CPU: per frame the parameters (≤ 2048 floats) are repacked and
// uploaded to a uniform buffer when they changed, and each map is one draw of one triangle.
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
};

// The shader's value at the centre of the pixel that contains a requested point.
struct ShaderSample {
  double x1, x2;  // that pixel centre's input coordinates
  float y;
};

class BoundaryRenderer {
 public:
  // The shader's fixed array sizes (shaders/boundary.frag.glsl): input + 6 hidden + output layers
  // of ≤ 16 units, ≤ 7 features; the parameters repacked as at most 512 vec4 (8 KiB).
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

  // Draws the map into an offscreen RGBA8 texture of width × height device pixels (reallocated only
  // when the size changes) and returns the GL texture name, or 0 on failure. The texture's first
  // row is the bottom of the map (x₂ = lo), as GL stores it.
  unsigned render(const MapRequest& request, int width, int height);
  // Draws the map into the size × size square at (x, y) (device pixels, from the bottom left) of
  // the small maps' atlas, a kAtlasSize² RGBA8 texture, and returns that texture, or 0.
  unsigned render_tile(const MapRequest& request, int x, int y, int size);

  // For tests: draws the request's unit through the same shader, writing y's float bits instead of
  // a colour, into size × size pixels over [lo, hi]², reads them back and returns the value at the
  // pixel containing each (x₁, x₂) (clamped to the map). False, with error(), on failure.
  bool sample(const MapRequest& request, int size, const std::vector<std::array<double, 2>>& points,
              std::vector<ShaderSample>* out);

  const std::string& error() const { return error_; }

 private:
  struct Program {
    unsigned id = 0;
    int layers = -1, size = -1, act = -1, row = -1, bias = -1;
    int origin = -1, lo = -1, step = -1, out_layer = -1, out_unit = -1;
    int range = -1, discrete = -1, contour = -1, line_px = -1;  // colour program only
  };
  struct Target {
    unsigned framebuffer = 0, texture = 0;
    int width = 0, height = 0;
  };

  bool init();
  bool build_program(bool raw, Program* out);
  bool ensure_target(Target* target, int width, int height, bool raw);
  bool draw(const Program& program, const MapRequest& request, const Target& target, int x, int y,
            int width, int height);
  void release();

  bool ready_ = false;
  bool failed_ = false;  // init() failed: do not retry every frame
  std::string error_;
  Program colour_, raw_;
  unsigned vertex_array_ = 0, params_buffer_ = 0;
  Target map_, atlas_, readback_;

  // The network's layout, as the shader's uniforms want it (see boundary.frag.glsl).
  int layers_ = 0;
  std::array<int, kMaxLayers> size_{}, act_{}, row_{}, bias_{};
  std::array<int, kMaxFeatures> feature_index_{};  // input unit i → its feature's table index
  // Parameters as float vec4s: packed_ is this frame's, uploaded_ what the buffer holds.
  std::array<float, kMaxParamVec4 * 4> packed_{}, uploaded_{};
  bool uploaded_valid_ = false;
};

}  // namespace bplab
