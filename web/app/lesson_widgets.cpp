#include "lesson_widgets.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "activation.h"
#include "loss.h"
#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"
#include "loss_view.h"
#include "plot_math.h"
#include "param_names.h"

namespace bplab {
namespace {

namespace plot = lab::plot;

constexpr ImU32 kCurveColour = IM_COL32(110, 200, 255, 255);
constexpr ImU32 kSlopeColour = IM_COL32(255, 170, 80, 255);
constexpr ImU32 kPointColour = IM_COL32(255, 214, 10, 255);
constexpr ImU32 kGuideColour = IM_COL32(200, 200, 200, 110);
constexpr ImU32 kGoodColour = IM_COL32(120, 220, 120, 255);
constexpr ImU32 kTooHighColour = IM_COL32(255, 120, 110, 255);
constexpr ImU32 kTooLowColour = IM_COL32(120, 170, 255, 255);
// Samples of a curve across the widget's range: smooth at any window width the layout gives.
constexpr int kCurvePoints = 161;
// |e| below this counts as "no error" in the weight slider's colouring (lesson 1's tolerance).
constexpr double kZeroError = 0.05;

// The weight the inspector has selected: w_ji of layer l. The widgets move a weight, so with a
// bias b_j selected they move w_j1, the first weight into the same unit.
struct Selected {
  int l, j, i;
};

Selected selected(const lab::Lab& lab) {
  const lab::InspectorSelection& s = lab.inspector().selection();
  return {s.layer, s.unit, s.is_bias() ? 0 : s.input};
}

double selected_weight(const lab::Lab& lab) {
  const Selected s = selected(lab);
  return lab.network().weight(s.l, s.j, s.i);
}

// The selected weight as a slider over [lo, hi]. Ctrl+click types an exact value, which may lie
// outside the range (Lab::set_weight refuses only non-finite values).
void weight_row(lab::Lab& lab, double lo, double hi) {
  const Selected s = selected(lab);
  double w = selected_weight(lab);
  const std::string label = bp::weight_name(lab.network(), s.l, s.j, s.i) + "##lesson weight";
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4.5f);
  if (ImGui::SliderScalar(label.c_str(), ImGuiDataType_Double, &w, &lo, &hi, "%.4f"))
    lab.set_weight(s.l, s.j, s.i, w);
  item_registry::record("Weight slider");
  help_marker("Drag to change the weight, or Ctrl+click to type a value.");
}

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour) {
  const float len = std::hypot(b.x - a.x, b.y - a.y);
  if (!(len > 0)) return;
  const ImVec2 u((b.x - a.x) / len, (b.y - a.y) / len);
  for (float t = 0; t < len; t += 8) {
    const float e = std::min(t + 4, len);
    dl->AddLine(ImVec2(a.x + u.x * t, a.y + u.y * t), ImVec2(a.x + u.x * e, a.y + u.y * e), colour);
  }
}

void arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
  const float len = std::hypot(b.x - a.x, b.y - a.y);
  if (!(len > 1)) return;
  const ImVec2 u((b.x - a.x) / len, (b.y - a.y) / len);
  const float head = std::min(9.0f, len * 0.5f);
  const ImVec2 base(b.x - u.x * head, b.y - u.y * head);
  dl->AddLine(a, base, colour, thickness);
  dl->AddTriangleFilled(b, ImVec2(base.x - u.y * head * 0.5f, base.y + u.x * head * 0.5f),
                        ImVec2(base.x + u.y * head * 0.5f, base.y - u.x * head * 0.5f), colour);
}

// The space left in the window for a plot, at least min_h high; the caller claims it with an
// InvisibleButton of that size.
ImVec2 plot_size(float min_h) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  return ImVec2(std::max(avail.x, 160.0f), std::max(avail.y, min_h));
}

// A point in data coordinates, if both axes can show it.
bool to_screen(const PlotArea& area, double x, double y, ImVec2* out) {
  return area.x.map(x, &out->x) && area.y.map(y, &out->y);
}

// y = x·w (+ b) and e = y − t for the inspected sample, with a number line on which e is the
// arrow from the target t to the guess y.
void weight_slider(lab::Lab& lab, double lo, double hi, bool reveal) {
  weight_row(lab, lo, hi);
  const bp::Dataset& train = lab.train_set();
  if (train.size() == 0) {
    ImGui::TextDisabled("The training set is empty.");
    return;
  }
  const Selected s = selected(lab);
  const bp::Network& net = lab.network();
  const int out = net.num_layers() - 1;
  const int sample = std::clamp(lab.inspector().selection().sample, 0, train.size() - 1);
  const bp::Trace tr = lab.inspector().trace();
  const double x = tr.y[s.l - 1][s.i];
  const double w = net.weight(s.l, s.j, s.i);
  const double guess = tr.y[out][0];
  const double target = train.target(sample)[0];
  const double e = guess - target;

  const ImU32 e_colour = std::abs(e) < kZeroError ? kGoodColour : e > 0 ? kTooHighColour : kTooLowColour;
  ImGui::Text("Sample %d of %d:  x = %.4g,  t = %.4g", sample + 1, train.size(), x, target);
  if (reveal) {
    // A linear output unit fed by this one weight computes exactly y = x·w + b: spell it out.
    if (s.l == out && net.size(out - 1) == 1 && net.activation(out) == bp::ActivationId::Linear)
      ImGui::Text("y = x·w + b = %.4g · %.4g + %.4g = %.4g", x, w, net.biases(out)[s.j], guess);
    else
      ImGui::Text("y = %.4g", guess);
    ImGui::TextColored(ImColor(e_colour), "e = y − t = %+.4f   %s", e,
                       std::abs(e) < kZeroError ? "✓ on target"
                       : e > 0                  ? "(guess too high)"
                                                : "(guess too low)");
    if (train.size() > 1)
      ImGui::Text("Loss E over all %d samples (%s): %.4g", train.size(),
                  bp::loss(lab.settings().loss).name, lab.loss_train());
  }

  // The number line: 0, t and y with a margin.
  const float line_h = ImGui::GetTextLineHeight();
  const ImVec2 size(plot_size(0).x, line_h * 4.5f);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  const plot::Range range = plot::pad_range(
      plot::Range{std::min({0.0, target, guess}), std::max({0.0, target, guess})}, 0.15, false);
  const plot::AxisMap axis(range, min.x + 10, min.x + size.x - 10, false);
  const float base_y = min.y + line_h * 2.8f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  dl->AddLine(ImVec2(axis.p0, base_y), ImVec2(axis.p1, base_y), ImGui::GetColorU32(ImGuiCol_Border));
  double ticks[16], step = 0;
  const int n = plot::linear_ticks(axis.lo, axis.hi, std::max(3, int(size.x / 70)), ticks, 16, &step);
  for (int k = 0; k < n; ++k) {
    float px = 0;
    if (!axis.map(ticks[k], &px)) continue;
    char label[24];
    plot::format_tick(ticks[k], step, label, sizeof label);
    dl->AddLine(ImVec2(px, base_y - 3), ImVec2(px, base_y + 3), text);
    dl->AddText(ImVec2(px - 0.5f * ImGui::CalcTextSize(label).x, base_y + 4), text, label);
  }
  float py = 0, pg = 0;
  if (!axis.map(target, &py) || !axis.map(guess, &pg)) return;
  const float mark_y = base_y - line_h * 0.9f;
  arrow(dl, ImVec2(py, mark_y), ImVec2(pg, mark_y), e_colour, 2.0f);
  dl->AddCircle(ImVec2(py, base_y), 5, kGuideColour, 0, 2.0f);
  dl->AddCircleFilled(ImVec2(pg, base_y), 4, kPointColour);
  dl->AddText(ImVec2(py - 4, base_y - line_h * 0.9f - line_h * 1.1f), kGuideColour, "t");
  dl->AddText(ImVec2(pg - 4, base_y - line_h * 0.9f - line_h * 1.1f), kPointColour, "y");
  dl->AddText(ImVec2(0.5f * (py + pg) - 4, mark_y - line_h * 1.1f), e_colour, "e");
}

// The sigmoid and its derivative from the engine's activation table, with the inspected unit's θ.
void sigmoid_plot(lab::Lab& lab, double lo, double hi, bool reveal) {
  weight_row(lab, lo, hi);
  if (lab.train_set().size() == 0) {
    ImGui::TextDisabled("The training set is empty.");
    return;
  }
  const bp::Activation& act = bp::activation(bp::ActivationId::Sigmoid);
  const Selected s = selected(lab);
  const double theta = lab.inspector().trace().theta[s.l][s.j];
  const double y = act.f(theta);
  const double slope = act.df(theta, y);
  if (reveal)
    ImGui::Text("θ = %.4g    y = %.4f    f′(θ) = y(1 − y) = %.4f", theta, y, slope);
  else
    ImGui::Text("θ = %.4g    y = %.4f", theta, y);
  ImGui::TextColored(ImColor(kCurveColour), "%s", act.f_formula);
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  ImGui::TextColored(ImColor(kSlopeColour), "%s", act.df_formula);

  const ImVec2 size = plot_size(140);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##sigmoid", size);
  item_registry::record("Sigmoid plot");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const PlotArea area = draw_plot_frame(dl, min, ImVec2(min.x + size.x, min.y + size.y),
                                        plot::Range{lo, hi}, plot::Range{-0.05, 1.05}, false, false);
  std::vector<double> xs(kCurvePoints), ys(kCurvePoints), ds(kCurvePoints);
  for (int k = 0; k < kCurvePoints; ++k) {
    xs[k] = lo + (hi - lo) * k / (kCurvePoints - 1);
    ys[k] = act.f(xs[k]);
    ds[k] = act.df(xs[k], ys[k]);
  }
  std::vector<ImVec2> scratch;
  dl->PushClipRect(area.min, area.max, true);
  ImVec2 a, b;
  // The class threshold y = 0.5, reached at θ = 0.
  if (to_screen(area, lo, 0.5, &a) && to_screen(area, hi, 0.5, &b)) {
    dashed_line(dl, a, b, kGuideColour);
    dl->AddText(ImVec2(a.x + 4, a.y - ImGui::GetTextLineHeight() - 1), kGuideColour, "threshold 0.5");
  }
  if (to_screen(area, 0, -0.05, &a) && to_screen(area, 0, 1.05, &b)) dashed_line(dl, a, b, kGuideColour);
  dl->PopClipRect();
  draw_series(dl, area, xs, ds, 0, kSlopeColour, 1.5f, &scratch);
  draw_series(dl, area, xs, ys, 0, kCurveColour, 2.0f, &scratch);

  ImVec2 p;
  if (!to_screen(area, theta, y, &p)) return;
  dl->PushClipRect(area.min, area.max, true);
  if (to_screen(area, theta, -0.05, &a)) dashed_line(dl, a, p, kPointColour);
  // The tangent y + y(1 − y)·(θ′ − θ) over a fifth of the range: the slope learning follows.
  const double half = 0.1 * (hi - lo);
  if (reveal && to_screen(area, theta - half, y - slope * half, &a) &&
      to_screen(area, theta + half, y + slope * half, &b))
    dl->AddLine(a, b, kSlopeColour, 1.5f);
  ImVec2 d;
  if (reveal && to_screen(area, theta, slope, &d)) dl->AddCircleFilled(d, 3.5f, kSlopeColour);
  dl->AddCircleFilled(p, 5, kPointColour);
  dl->PopClipRect();
}

// E(w) with the other parameters fixed, the tangent at the current w and where the next step
// lands. Clicking or dragging in the plot sets w.
void error_curve(lab::Lab& lab, double lo, double hi, bool reveal) {
  weight_row(lab, lo, hi);
  if (lab.train_set().size() == 0) {
    ImGui::TextDisabled("The training set is empty.");
    return;
  }
  const double w0 = selected_weight(lab);
  const double e0 = lab.loss_train();
  const double slope = lab.inspector().slope();
  const double w1 = lab.inspector().batch_update().w_new;
  if (reveal) {
    ImGui::Text("w = %.4g    E = %.4g    dE/dw = %.4g", w0, e0, slope);
    ImGui::TextColored(ImColor(kSlopeColour), "Next step: w → %.4g (Δw = %+.4g)", w1, w1 - w0);
  } else {
    ImGui::Text("w = %.4g    E = %.4g", w0, e0);
    ImGui::TextColored(ImColor(kSlopeColour), "Tangent of slope dE/dw; arrow: the next step");
  }

  const ImVec2 size = plot_size(140);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##error curve", size);
  item_registry::record("Error curve");
  const bool dragging = ImGui::IsItemActive();

  std::vector<double> xs(kCurvePoints);
  for (int k = 0; k < kCurvePoints; ++k) xs[k] = lo + (hi - lo) * k / (kCurvePoints - 1);
  const std::vector<double> es = lab.inspector().error_curve(lo, hi, kCurvePoints);
  plot::Range yr;
  if (!plot::value_range(es.data(), es.size(), 0, false, &yr)) yr = plot::Range{0, 1};
  if (std::isfinite(e0)) yr = plot::Range{std::min(yr.lo, e0), std::max(yr.hi, e0)};
  // Errors are ≥ 0: an axis from 0 makes the height of the curve mean something.
  yr.lo = std::min(yr.lo, 0.0);
  yr = plot::pad_range(yr, 0.06, false);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const PlotArea area = draw_plot_frame(dl, min, ImVec2(min.x + size.x, min.y + size.y),
                                        plot::Range{lo, hi}, yr, false, false);
  if (dragging) {
    const double w = std::clamp(area.x.unmap(ImGui::GetIO().MousePos.x), lo, hi);
    if (w != w0) lab.set_weight(selected(lab).l, selected(lab).j, selected(lab).i, w);
  }
  std::vector<ImVec2> scratch;
  draw_series(dl, area, xs, es, 0, kCurveColour, 2.0f, &scratch);

  ImVec2 p;
  if (!to_screen(area, w0, e0, &p)) return;
  dl->PushClipRect(area.min, area.max, true);
  // The tangent E(w₀) + dE/dw·(w − w₀) over a third of the range.
  const double half = (hi - lo) / 6;
  ImVec2 a, b;
  if (to_screen(area, w0 - half, e0 - slope * half, &a) && to_screen(area, w0 + half, e0 + slope * half, &b))
    dl->AddLine(a, b, kSlopeColour, 1.5f);
  // The step: along the tangent to w₁ = the engine's next weight, then down (or up) to E(w₁),
  // read off the sampled curve by linear interpolation.
  ImVec2 t;
  if (std::isfinite(w1) && to_screen(area, w1, e0 + slope * (w1 - w0), &t)) {
    arrow(dl, p, t, kSlopeColour, 2.0f);
    const double f = (w1 - lo) / (hi - lo) * (kCurvePoints - 1);
    if (f >= 0 && f <= kCurvePoints - 1) {
      const int k = std::min(int(f), kCurvePoints - 2);
      const double e1 = es[k] + (f - k) * (es[k + 1] - es[k]);
      ImVec2 land;
      if (to_screen(area, w1, e1, &land)) {
        dashed_line(dl, t, land, kSlopeColour);
        dl->AddCircle(land, 5, kSlopeColour, 0, 2.0f);
      }
    }
    dl->AddText(ImVec2(t.x + 6, t.y - ImGui::GetTextLineHeight()), kSlopeColour, "w − η·dE/dw");
  }
  dl->AddCircleFilled(p, 5, kPointColour);
  dl->PopClipRect();
}

}  // namespace

void draw_lesson_widget(const std::string& name, double lo, double hi, bool reveal, UiContext& ui) {
  if (name == "weight_slider")
    weight_slider(ui.lab, lo, hi, reveal);
  else if (name == "sigmoid_plot")
    sigmoid_plot(ui.lab, lo, hi, reveal);
  else if (name == "error_curve")
    error_curve(ui.lab, lo, hi, reveal);
}

const char* lesson_widget_title(const std::string& name) {
  if (name == "weight_slider") return "One weight: e = x·w − t";
  if (name == "sigmoid_plot") return "The sigmoid y = 1/(1 + e^−θ)";
  if (name == "error_curve") return "The error curve E(w)";
  return "Lesson view";
}

}  // namespace bplab
