#include "landscape_view.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "colormap.h"
#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"
#include "param_names.h"
#include "wrapped_text.h"

namespace bplab {
namespace {

// Main-thread time per frame for the grid: more while paused, when nothing else is computed.
constexpr double kBudgetPausedMs = 8.0, kBudgetTrainingMs = 3.0;
constexpr int kIsoLines = 10;
constexpr ImU32 kPathColour = IM_COL32(40, 40, 40, 255);
constexpr ImU32 kPointColour = IM_COL32(255, 214, 10, 255);
constexpr ImU32 kDescentColour = IM_COL32(200, 30, 30, 255);
constexpr ImU32 kVelocityColour = IM_COL32(120, 40, 160, 255);
constexpr ImU32 kIsoColour = IM_COL32(60, 60, 60, 110);

const char* const kModeLabels[] = {"Two parameters", "Hessian: steepest / flattest",
                                   "Random (filter-normalised)", "Recent path",
                                   "Line from the start"};

// t ∈ [0, 1] for E between the slice's lowest and highest value, on a log scale if asked (E ≥ 0
// for every loss; the offset keeps log finite at 0).
double colour_position(double e, double lo, double hi, bool log_scale) {
  if (!std::isfinite(e)) return 1.0;
  if (log_scale) {
    const double off = std::max(1e-12, 1e-6 * (hi - lo));
    return lab::normalise(std::log(e - lo + off), {std::log(off), std::log(hi - lo + off)});
  }
  return lab::normalise(e, {lo, hi});
}

void draw_controls(UiContext& ui, LandscapeViewState& st) {
  lab::LandscapeOptions o = ui.lab.settings().landscape;
  int mode = int(o.mode);
  ImGui::SetNextItemWidth(230);
  if (ImGui::Combo("Plane", &mode, kModeLabels, IM_ARRAYSIZE(kModeLabels)))
    o.mode = lab::LandscapeMode(mode);
  item_registry::record("Plane");
  ImGui::SameLine();
  help_marker(
      "The loss E over a flat slice p + a·d₁ + b·d₂ through the current parameters p (a, b from "
      "−range to range). Two parameters: d₁, d₂ move one weight or bias each (an exact slice). "
      "Hessian: the directions in which E curves up most steeply and least (eigenvectors of the "
      "largest and smallest eigenvalue of the Hessian, from gradient differences). Random: two "
      "random directions, each unit's weights scaled to that unit's size (Li et al. 2018). Recent "
      "path: the two main directions of the last few hundred positions. Line: from the initial "
      "weights (a = −1) to now (a = 0). The network has many parameters: a 2-D slice of a "
      "many-dimensional surface can mislead, since what happens across the slice does not show.");
  const bp::Network& net = ui.lab.network();
  if (o.mode == lab::LandscapeMode::Names) {
    for (std::string* name : {&o.name1, &o.name2}) {
      ImGui::SetNextItemWidth(80);
      const char* label = name == &o.name1 ? "a:" : "b:";
      if (ImGui::BeginCombo(label, name->c_str())) {
        for (std::size_t k = 0; k < net.num_params(); ++k) {
          const std::string n = bp::param_name(net, k);
          if (ImGui::Selectable(n.c_str(), n == *name)) *name = n;
        }
        ImGui::EndCombo();
      }
      ImGui::SameLine();
    }
    help_marker("The two parameters along the axes: a moves the first, b the second.");
  }
  if (o.mode == lab::LandscapeMode::Random) {
    int seed = int(o.seed);
    ImGui::SetNextItemWidth(100);
    if (ImGui::InputInt("Seed", &seed) && seed >= 0) o.seed = std::uint64_t(seed);
    ImGui::SameLine();
    help_marker("The seed of the two random directions.");
  }
  float range = float(o.range);
  ImGui::SetNextItemWidth(140);
  if (ImGui::SliderFloat("Range", &range, float(lab::kMinLandscapeRange), float(lab::kMaxLandscapeRange), "%.2f",
                         ImGuiSliderFlags_Logarithmic) &&
      range > 0)
    o.range = range;
  ImGui::SameLine();
  help_marker("a and b run from −range to range. On a named plane that is the change of each "
              "parameter; on the random plane, of each unit relative to its own size.");
  ImGui::SameLine();
  const auto& grids = lab::kLandscapeGrids;
  int grid_index = int(std::find(std::begin(grids), std::end(grids), o.grid) - std::begin(grids));
  ImGui::SetNextItemWidth(60);
  if (ImGui::Combo("Grid", &grid_index, "17\00033\00065\0")) o.grid = grids[grid_index];
  ImGui::SameLine();
  help_marker("Points along each axis. The grid is computed a little every frame, coarse first.");
  ImGui::Checkbox("Log colour", &st.log_colour);
  ImGui::SameLine();
  help_marker("Colour by log(E − min E) instead of E, which shows the floor of a valley.");
  if (bp::has_penalty(ui.lab.trainer().hyperparams())) {
    ImGui::SameLine();
    ImGui::Checkbox("With penalty", &o.with_penalty);
    ImGui::SameLine();
    help_marker("Add the L1/L2 penalty λ₁·Σ|w| + (λ₂/2)·Σw², which the optimiser follows too.");
  }
  // The options are settings, so that the link keeps them (land=, url_hash.h).
  if (o != ui.lab.settings().landscape) {
    lab::Settings changed = ui.lab.settings();
    changed.landscape = o;
    ui.apply(changed);
  }
  st.session.set_options(ui.lab.settings().landscape);
}

// The plot: cells coloured by E with iso-lines (or E(a) on a line plane), the slice's minimum,
// the path, the −gradient and velocity arrows and the centre, in the rectangle (p0, size).
void draw_plot(ImDrawList* dl, const lab::LandscapeSession& s, bool log_colour, ImVec2 p0,
               ImVec2 size) {
  const bool line = s.plane().is_line();
  const int g = s.grid();
  const double r = s.range(), lo = s.min_loss(), hi = s.max_loss();
  const auto to_x = [&](double a) { return p0.x + float((a + r) / (2 * r)) * size.x; };
  const auto to_y = [&](double b) { return p0.y + float((r - b) / (2 * r)) * size.y; };
  if (line) {
    // E(a) as a curve: x is a, y is E from the lowest (bottom) to the highest (top).
    dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(250, 250, 250, 255));
    ImVec2 prev;
    for (int col = 0; col < g; ++col) {
      const double e = s.value(col, 0);
      const double t = std::isfinite(e) ? colour_position(e, lo, hi, log_colour) : 1.0;
      const ImVec2 q(to_x(bp::grid_offset(col, g, r)), p0.y + float(1 - t) * (size.y - 8) + 4);
      if (col > 0) dl->AddLine(prev, q, kPathColour, 2.0f);
      prev = q;
    }
    dl->AddLine(ImVec2(to_x(-1), p0.y), ImVec2(to_x(-1), p0.y + size.y), kIsoColour);
  } else {
    // Cells: cell (col, row) is centred on its grid point; row 0 (b = −range) at the bottom.
    const float cw = size.x / float(g), ch = size.y / float(g);
    for (int row = 0; row < g; ++row)
      for (int col = 0; col < g; ++col) {
        const double e = s.value(col, row);
        if (std::isnan(e)) continue;
        // Low E blue (t = 1), high E orange.
        const lab::Rgb c = lab::colour(1.0 - colour_position(e, lo, hi, log_colour));
        const float x = p0.x + col * cw, y = p0.y + (g - 1 - row) * ch;
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + cw + 0.5f, y + ch + 0.5f), lab::pack_rgba8(c));
      }
    // Iso-lines once the grid is complete: marching squares over the grid points, at levels evenly
    // spaced in the colour scale.
    if (s.complete()) {
      for (int level = 1; level < kIsoLines; ++level) {
        const double t = double(level) / kIsoLines;
        const auto pos = [&](int col, int row) {
          return colour_position(s.value(col, row), lo, hi, log_colour) - t;
        };
        const auto point = [&](int c0, int r0, int c1, int r1, double v0, double v1) {
          const double f = v0 / (v0 - v1);
          const double col = c0 + f * (c1 - c0), row = r0 + f * (r1 - r0);
          return ImVec2(p0.x + float(col + 0.5) * cw, p0.y + float(g - 1 - row + 0.5) * ch);
        };
        for (int row = 0; row + 1 < g; ++row)
          for (int col = 0; col + 1 < g; ++col) {
            const double v[4] = {pos(col, row), pos(col + 1, row), pos(col + 1, row + 1),
                                 pos(col, row + 1)};
            const int cc[4] = {col, col + 1, col + 1, col}, rr[4] = {row, row, row + 1, row + 1};
            ImVec2 ends[4];
            int n = 0;
            for (int e = 0; e < 4; ++e) {
              const int f = (e + 1) % 4;
              if ((v[e] < 0) != (v[f] < 0)) ends[n++] = point(cc[e], rr[e], cc[f], rr[f], v[e], v[f]);
            }
            if (n >= 2) dl->AddLine(ends[0], ends[1], kIsoColour);
            if (n == 4) dl->AddLine(ends[2], ends[3], kIsoColour);
          }
      }
    }
    // The slice's minimum.
    const float mx = p0.x + (s.min_col() + 0.5f) * cw, my = p0.y + (g - 1 - s.min_row() + 0.5f) * ch;
    dl->AddLine(ImVec2(mx - 5, my - 5), ImVec2(mx + 5, my + 5), IM_COL32_WHITE, 2.0f);
    dl->AddLine(ImVec2(mx - 5, my + 5), ImVec2(mx + 5, my - 5), IM_COL32_WHITE, 2.0f);
    // The path, oldest first, then the arrows from the current point.
    const std::vector<bp::PlaneCoords>& path = s.path();
    for (std::size_t k = 1; k < path.size(); ++k)
      dl->AddLine(ImVec2(to_x(path[k - 1].a), to_y(path[k - 1].b)),
                  ImVec2(to_x(path[k].a), to_y(path[k].b)), kPathColour, 1.5f);
    const ImVec2 c(to_x(0), to_y(0));
    const bp::PlaneCoords d = s.descent();
    const float len = std::hypot(float(d.a), float(d.b));
    if (len > 0) {
      // −∇E shows its direction only: a fixed length of a fifth of the plot.
      const ImVec2 tip(c.x + 0.2f * size.x * float(d.a) / len, c.y - 0.2f * size.y * float(d.b) / len);
      dl->AddLine(c, tip, kDescentColour, 2.5f);
      dl->AddCircleFilled(tip, 3.5f, kDescentColour);
    }
    const bp::PlaneCoords v = s.velocity();
    dl->AddLine(c, ImVec2(to_x(v.a), to_y(v.b)), kVelocityColour, 2.0f);
    dl->AddCircleFilled(c, 5.0f, kPointColour);
    dl->AddCircle(c, 5.0f, kPathColour);
  }
}

}  // namespace

void draw_landscape_view(UiContext& ui, LandscapeViewState& st) {
  lab::Lab& lab = ui.lab;
  draw_controls(ui, st);
  lab::LandscapeSession& s = st.session;
  s.update(lab, ImGui::GetTime(), lab.running() ? kBudgetTrainingMs : kBudgetPausedMs);
  const bool penalty = s.options().with_penalty && bp::has_penalty(lab.trainer().hyperparams());
  ImGui::TextDisabled("E: %s on the training set%s", lab.trainer().loss().name,
                      penalty ? " + penalty" : ", without penalty");
  if (!s.has_plane()) {
    text_wrapped(s.error());
    return;
  }
  // Paused, the picture follows the session every frame; while training, it changes when a grid
  // is complete or the options or the colour scale change.
  const lab::LandscapeOptions& o = s.options();
  const bool fresh = !lab.running() || s.grids_completed() != st.plot_grids || o != st.plot_options ||
                     st.log_colour != st.plot_log;
  if (fresh) {
    st.plot_grids = s.grids_completed();
    st.plot_options = o;
    st.plot_log = st.log_colour;
    char caption[160];
    std::snprintf(caption, sizeof caption, "centre E = %.6g   lowest E in view = %.6g%s", s.center_loss(),
                  s.min_loss(), s.complete() ? "" : "   (computing…)");
    st.caption = caption;
  }
  ImGui::TextUnformatted(st.caption.c_str());
  if (std::isfinite(s.lambda_max())) {
    ImGui::Text("curvature λmax = %.4g, λmin = %.4g, κ = λmax/λmin = %.3g", s.lambda_max(),
                s.lambda_min(), s.lambda_max() / s.lambda_min());
    ImGui::SameLine();
    help_marker("E″ along the two directions: the Hessian's largest and smallest eigenvalue. "
                "Gradient descent diverges for η > 2/λmax; a ravine has a large condition number "
                "κ, and the momentum the theory recommends for it is μ = ((√κ − 1)/(√κ + 1))² "
                "(Goh, \"Why Momentum Really Works\", Distill 2017).");
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::max(80.0f, std::min(avail.x, avail.y - 24.0f));
  const bool line = s.plane().is_line();
  const ImVec2 size(line ? avail.x : side, line ? std::max(80.0f, avail.y - 24.0f) : side);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##landscape", size);
  item_registry::record("Landscape plot");
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(p0, ImVec2(p0.x + size.x, p0.y + size.y), true);

  const ImVec2 white = ImGui::GetFontTexUvWhitePixel();
  const std::array<float, 6> key = {p0.x, p0.y, size.x, size.y, white.x, white.y};
  // While training the plot changes when a grid is complete, a few times a second (the session
  // re-centres every kRecentreSeconds); between, its recorded triangles are appended again.
  if (fresh || key != st.plot_key || !st.plot.replay(dl)) {
    st.plot.begin(*dl);
    draw_plot(dl, s, st.log_colour, p0, size);
    st.plot.end(*dl);
    st.plot_key = key;
  }
  dl->PopClipRect();

  // Hover and click use the session's current plane: while training its centre is up to one
  // re-centring (a fraction of a second of training) ahead of the grid drawn.
  if (hovered) {
    const double r = s.range();
    const ImVec2 m = ImGui::GetIO().MousePos;
    const double a = (double(m.x - p0.x) / size.x) * 2 * r - r;
    const double b = line ? 0.0 : r - (double(m.y - p0.y) / size.y) * 2 * r;
    const double e = s.loss_at(lab, a, b);
    if (line)
      ImGui::SetTooltip("a = %.3f\nE = %.6g\nclick to move the weights here", a, e);
    else
      ImGui::SetTooltip("a = %.3f (%s)\nb = %.3f (%s)\nE = %.6g\nclick to move the weights here",
                        a, s.plane().axis1.c_str(), b, s.plane().axis2.c_str(), e);
    if (clicked && lab.set_params(s.params_at(a, b)))
      ui.notice = "Moved the weights on the landscape (velocity reset).";
  }
  if (line)
    ImGui::TextDisabled("a: %s;  red −∇E, purple velocity", s.plane().axis1.c_str());
  else
    ImGui::TextDisabled("a → %s, b ↑ %s; red −∇E, purple velocity, × lowest", s.plane().axis1.c_str(),
                        s.plane().axis2.c_str());
}

}  // namespace bplab
