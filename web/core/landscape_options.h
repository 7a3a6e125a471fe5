// What the Landscape view shows (landscape_session.h): which plane, how many grid points, how far
// from the centre, and whether the penalty is added. Part of the lab's Settings, so that a link
// (url_hash.h, key land=) or a lesson's set-up can choose the plane.
//
// In a link: land=PLANE[:GRID[:RANGE]][:penalty]
//   PLANE    two parameter names "w1,w5" (the engine's names, param_names.h), "hessian",
//            "random" or "random@SEED", "path", "line"
//   GRID     points per axis: 17, 33 or 65 (the view's choices; odd, so 0 is a grid point)
//   RANGE    a, b ∈ [−RANGE, RANGE], RANGE in [0.05, 20] (the view's slider)
//   penalty  show E plus the L1/L2 penalty the optimiser follows
// e.g. land=hessian:65:2, land=w1,w5, land=random@3:33:1:penalty. Whether the named parameters
// exist is for the view, which knows the network (it says so in place of the plot).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lab {

enum class LandscapeMode { Names, Hessian, Random, Path, Line };

// "names", "hessian", "random", "path", "line": as reported in state().landscape.mode.
const char* landscape_mode_name(LandscapeMode mode);

constexpr int kLandscapeGrids[] = {17, 33, 65};
constexpr double kMinLandscapeRange = 0.05, kMaxLandscapeRange = 20.0;

struct LandscapeOptions {
  LandscapeMode mode = LandscapeMode::Names;
  std::string name1 = "w1", name2 = "w2";  // the named plane's parameters
  int grid = 33;                          // points per axis (odd: 0 is a grid point)
  double range = 1.0;                     // a, b ∈ [−range, range]
  std::uint64_t seed = 1;                 // of the random plane
  bool with_penalty = false;              // add the L1/L2 penalty the optimiser follows
  bool operator==(const LandscapeOptions& o) const {
    return mode == o.mode && name1 == o.name1 && name2 == o.name2 && grid == o.grid &&
           range == o.range && seed == o.seed && with_penalty == o.with_penalty;
  }
  bool operator!=(const LandscapeOptions& o) const { return !(*this == o); }
};

// The link's text of o, "PLANE:GRID:RANGE" (":penalty" when it is added).
std::string landscape_link(const LandscapeOptions& o);
// Reads the link's text; false (and *out untouched) unless all of it is valid.
bool parse_landscape_link(std::string_view text, LandscapeOptions* out);

}  // namespace lab
