// The output maps as the app asks for them: for every pixel of a map, the network evaluated at
// the pixel's input (x₁, x₂) and one unit's output y coloured with the lab's colour map. The app
// says what to show (MapRequest) and shows the texture it gets back; the platform draws it on the
// GPU (web/platform/gl_boundary_renderer.h: a fragment shader generated for each architecture)
// and makes one with platform::make_boundary_renderer() (platform_services.h).
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
  // Output layer of several units only: each pixel the colour of its winning class (the unit of
  // largest y) at the saturation of its probability (lab::class_colour); sample() then reads
  // y = 2·class + probability.
  bool class_map = false;

  bool operator==(const MapRequest& o) const {
    return lo == o.lo && hi == o.hi && layer == o.layer && unit == o.unit && value_lo == o.value_lo &&
           value_hi == o.value_hi && discrete == o.discrete && contour == o.contour && line_px == o.line_px &&
           class_map == o.class_map;
  }
  bool operator!=(const MapRequest& o) const { return !(*this == o); }
};

// The shader's value at the centre of the pixel that contains a requested point.
struct ShaderSample {
  double x1, x2;  // that pixel centre's input coordinates
  float y;
};

// Textures are named as the platform's ImGui backend shows them (ImTextureID); 0 is none.
class BoundaryRenderer {
 public:
  static constexpr int kAtlasSize = 1024;  // device pixels per side of the small maps' texture

  virtual ~BoundaryRenderer() = default;

  // Makes `net`, fed with the features in the bit mask, the network that the next draws evaluate.
  // Returns false, with error() saying why, when the GPU set-up failed or the network is larger
  // than the lab allows (web/core/settings.h).
  virtual bool set_network(const bp::Network& net, std::uint32_t features) = 0;

  // Counts the changes of what the maps show: it grows whenever set_network() gets a different
  // architecture or different parameters. A map drawn at the same count is still up to date.
  virtual unsigned long params_version() const = 0;

  // Draws the map into a texture of width × height device pixels and returns it, or 0 on failure.
  // The texture's first row is the bottom of the map (x₂ = lo). When the request, the size and
  // params_version() are those of the last successful call, the texture is returned as it is.
  // With grid > 0 the network is evaluated on a grid of at most grid × grid texels only, which is
  // stretched (bilinearly) to width × height: far cheaper for a software rasteriser, and soft.
  // The texture is meant to be shown 1:1.
  virtual unsigned render(const MapRequest& request, int width, int height, int grid) = 0;
  // Draws the map into the size × size square at (x, y) (device pixels, from the bottom left) of
  // the small maps' atlas, a kAtlasSize² texture, and returns that texture, or 0.
  virtual unsigned render_tile(const MapRequest& request, int x, int y, int size) = 0;
  // How many times render() or render_tile() changed a texture's pixels: a caller that shows the
  // texture compares it before and after a call to tell whether the picture changed.
  virtual unsigned long drawings() const = 0;
  // The GPU time of an earlier render()'s network evaluation, once the GPU has it: true with the
  // texels it evaluated and the milliseconds, once per measured render(). False while none is
  // ready, and always where the platform cannot time the GPU (no timer queries).
  virtual bool take_render_time(long* texels, double* ms) = 0;

  // For tests: evaluates the request's unit through the same shader over size × size pixels of
  // [lo, hi]², exactly (y's float bits), and returns the value at the pixel containing each
  // (x₁, x₂) (clamped to the map). False, with error(), on failure.
  virtual bool sample(const MapRequest& request, int size, const std::vector<std::array<double, 2>>& points,
                      std::vector<ShaderSample>* out) = 0;

  virtual const std::string& error() const = 0;
};

}  // namespace bplab
