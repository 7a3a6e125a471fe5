// bplab landscape: the loss over a plane through the model's parameters (landscape.h), as CSV
//   a,b,E   with E = mean loss over the data file at p + a·d₁ + b·d₂
// for a grid of a and b from −range to range, b in the outer loop.
#include <cstdio>
#include <limits>
#include <string>

#include "command.h"
#include "inputs.h"
#include "landscape.h"
#include "plane.h"
#include "plane_hessian.h"

namespace bp::cli {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// --plane: "w1,w5" (two parameter names), "hessian", "random" or "line" (which needs --from).
Status make_plane(const Flags& flags, const Inputs& in, Plane* plane) {
  const std::string spec = flags.text("plane");
  if (spec == "hessian") return hessian_plane(in.net, *in.loss, in.data, plane);
  if (spec == "random")
    return random_plane(in.net, static_cast<std::uint64_t>(flags.integer("seed")), plane);
  if (spec == "line") {
    if (!flags.has("from")) return Status::error("--plane line needs --from (the initial model)");
    Network initial;
    bool has_weights = false;
    if (Status s = load_model(flags.text("from"), *in.loss, &initial, &has_weights); !s) return s;
    if (initial.layers().size() != in.net.layers().size() ||
        initial.num_params() != in.net.num_params())
      return Status::error("--from " + flags.text("from") + ": another architecture than --model");
    return line_plane(in.net, initial.params(), plane);
  }
  const std::size_t comma = spec.find(',');
  if (comma == std::string::npos || spec.find(',', comma + 1) != std::string::npos)
    return Status::error("--plane must be two parameter names like w1,w5, or hessian, random or "
                         "line, got '" + spec.substr(0, 40) + "'");
  const Status s = name_plane(in.net, spec.substr(0, comma), spec.substr(comma + 1), plane);
  return s ? s : Status::error("--plane: " + s.message());
}

int run(const Flags& flags, std::string* error) {
  Inputs in;
  if (const int code = load_inputs(flags, &in, error)) return code;
  Plane plane;
  if (Status s = make_plane(flags, in, &plane); !s) {
    *error = s.message();
    return kExitBadInput;
  }
  Hyperparams penalty;
  penalty.l1 = flags.real("l1");
  penalty.l2 = flags.real("l2");
  LandscapeGrid grid;
  const Status s = evaluate_landscape(in.net, *in.loss, in.data, plane, int(flags.integer("grid")),
                                      flags.real("range"), has_penalty(penalty) ? &penalty : nullptr,
                                      &grid);
  if (!s) {
    *error = "--" + s.message();
    return kExitUsage;
  }
  std::printf("a,b,E\n");
  for (int row = 0; row < grid.rows; ++row) {
    const double b = grid.rows == 1 ? 0.0 : grid_offset(row, grid.grid, grid.range);
    for (int col = 0; col < grid.grid; ++col)
      std::printf("%.17g,%.17g,%.17g\n", grid_offset(col, grid.grid, grid.range), b,
                  grid.e[std::size_t(row) * grid.grid + col]);
  }
  return kExitOk;
}

}  // namespace

const Command& landscape_command() {
  static const Command command{
      "landscape",
      "The loss over a plane through the model's parameters, as CSV a,b,E.",
      "--model M.json --data D.csv --loss L --plane w1,w5|hessian|random|line [--grid N] "
      "[--range R]",
      "Output: the header a,b,E, then one row per grid point, b in the outer loop. E is the mean\n"
      "loss over all rows of the data file at the parameters p + a*d1 + b*d2, p those of the\n"
      "model; a and b run from -R to R in N steps (an odd N has 0 in the middle, where E is the\n"
      "model's own loss). The plane:\n"
      "  w1,w5    d1, d2 move one named parameter each (names as in bplab grad's by_name);\n"
      "  hessian  d1, d2 are the unit eigenvectors of the largest and the smallest eigenvalue\n"
      "           of the loss's Hessian at p (the steepest and the flattest direction);\n"
      "  random   two random directions drawn with --seed, each unit's incoming weights and\n"
      "           bias scaled to the size of that unit's own (Li et al. 2018);\n"
      "  line     the line from the --from model (a = -1) through --model (a = 0); b is 0.\n"
      "A 2-D slice of a surface over many parameters can mislead: valleys and ridges across\n"
      "the slice do not show.",
      {
          text_flag("model", "M.json", nullptr,
                    "Model file (format \"bplab-model\"): the centre of the plane."),
          data_flag(),
          loss_flag(),
          text_flag("plane", "P", nullptr,
                    "Two parameter names (w1,w5), or hessian, random or line (see below)."),
          integer_flag("grid", "N", "65",
                       {kMinLandscapeGrid, kMaxLandscapeGrid, false, false},
                       "Grid points along each axis."),
          real_flag("range", "R", "1", {0, 1e6, true, false},
                    "a and b run from -R to R."),
          integer_flag("seed", "S", "1", {0, 9007199254740991.0, false, false},
                       "Seed of the random plane."),
          optional(text_flag("from", "M0.json", nullptr,
                             "The initial model of --plane line (same architecture).")),
          real_flag("l2", "λ", "0", {0, kInf, false, false},
                    "Adds the L2 penalty (λ₂/2)·Σw² over the weights to E."),
          real_flag("l1", "λ", "0", {0, kInf, false, false},
                    "Adds the L1 penalty λ₁·Σ|w| over the weights to E."),
      },
      run,
  };
  return command;
}

}  // namespace bp::cli
