#include "loss_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "help_marker.h"
#include "item_registry.h"

namespace bplab {
namespace {

namespace plot = lab::plot;

constexpr ImU32 kTrainColour = IM_COL32(110, 200, 255, 255);
constexpr ImU32 kTestColour = IM_COL32(255, 130, 170, 255);
constexpr ImU32 kMarkerColour = IM_COL32(255, 214, 10, 150);
constexpr int kMaxTicks = 16;
// The mouse is "on" a marker within this many pixels of its line.
constexpr float kMarkerHover = 4.0f;

void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 colour) {
  for (float y = y0; y < y1; y += 8) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, y1)), colour);
}

// Text of a value that may be missing: "—" for a non-finite error (a divergence, an empty set).
void format_value(double v, char* buf, std::size_t size) {
  if (std::isfinite(v))
    std::snprintf(buf, size, "%.4g", v);
  else
    std::snprintf(buf, size, "—");
}

// An epoch position to 4 decimals without trailing zeros: "3.25", "12", "0.3333".
void format_epoch(double epoch, char* buf, std::size_t size) {
  std::snprintf(buf, size, "%.4f", epoch);
  char* end = buf + std::strlen(buf);
  while (end > buf && end[-1] == '0') *--end = '\0';
  if (end > buf && end[-1] == '.') end[-1] = '\0';
}

// "epoch 3.25 (iteration 130)" on the epochs axis, "iteration 130" on the iterations axis.
void format_when(bool epochs, double epoch, double iteration, char* buf, std::size_t size) {
  if (!epochs) {
    std::snprintf(buf, size, "iteration %.0f", iteration);
    return;
  }
  char e[32];
  format_epoch(epoch, e, sizeof e);
  std::snprintf(buf, size, "epoch %s (iteration %.0f)", e, iteration);
}

// The x axis choice: iterations or epochs, a setting (the link's lx=) so lessons can choose it.
void axis_choice(UiContext& ui) {
  lab::Settings s = ui.lab.settings();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("x:");
  ImGui::SameLine();
  if (ImGui::RadioButton("iterations##loss_x", s.loss_axis == lab::LossAxis::Iterations)) {
    s.loss_axis = lab::LossAxis::Iterations;
    ui.apply(s);
  }
  item_registry::record("x: iterations");
  ImGui::SameLine();
  if (ImGui::RadioButton("epochs##loss_x", s.loss_axis == lab::LossAxis::Epochs)) {
    s.loss_axis = lab::LossAxis::Epochs;
    ui.apply(s);
  }
  item_registry::record("x: epochs");
  help_marker("What the x axis counts. An iteration is one update, made from one batch. An epoch is "
              "one pass over the training set: ⌈N/B⌉ iterations for N training samples and batch "
              "size B. A point's epoch counts the samples used so far (epoch 3.25: three passes "
              "and a quarter of the set), so it stays exact when the batch size changes mid-run.");
}

// Index of the recorded point nearest to x among xs[from …).
std::size_t nearest_index(const std::vector<double>& xs, std::size_t from, double x) {
  std::size_t k = plot::first_at_or_after(xs, x);
  if (k >= xs.size()) return xs.size() - 1;
  if (k > from && x - xs[k - 1] < xs[k] - x) --k;
  return std::max(k, from);
}

}  // namespace

PlotArea draw_plot_frame(ImDrawList* dl, ImVec2 outer_min, ImVec2 outer_max, plot::Range x,
                         plot::Range y, bool log_y, bool integer_x) {
  const float line_h = ImGui::GetTextLineHeight();
  const float height = outer_max.y - outer_min.y - line_h - 6;
  // About one tick per 2.5 lines of text vertically and per 70 px horizontally (at least 3).
  const int max_y_ticks = std::clamp(int(height / (2.5f * line_h)), 3, 8);
  PlotArea area;
  area.y = plot::AxisMap(y, 0, 1, log_y);  // the range repaired; screen span set below
  double yt[kMaxTicks], ystep = 0;
  const int ny = log_y ? plot::log_ticks(area.y.lo, area.y.hi, max_y_ticks, yt, kMaxTicks)
                       : plot::linear_ticks(area.y.lo, area.y.hi, max_y_ticks, yt, kMaxTicks, &ystep);
  char labels[kMaxTicks][24];
  float label_w = 0;
  for (int k = 0; k < ny; ++k) {
    plot::format_tick(yt[k], log_y ? 0 : ystep, labels[k], sizeof labels[k]);
    label_w = std::max(label_w, ImGui::CalcTextSize(labels[k]).x);
  }
  area.min = ImVec2(outer_min.x + label_w + 8, outer_min.y + 0.5f * line_h);
  area.max = ImVec2(std::max(outer_max.x - 8, area.min.x + 1), std::max(outer_max.y - line_h - 6, area.min.y + 1));
  area.y = plot::AxisMap(plot::Range{area.y.lo, area.y.hi}, area.max.y, area.min.y, log_y);
  area.x = plot::AxisMap(x, area.min.x, area.max.x, false);

  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.55f);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  dl->AddRectFilled(area.min, area.max, ImGui::GetColorU32(ImGuiCol_FrameBg));
  for (int k = 0; k < ny; ++k) {
    float py = 0;
    if (!area.y.map(yt[k], &py)) continue;
    dl->AddLine(ImVec2(area.min.x, py), ImVec2(area.max.x, py), grid);
    const ImVec2 ts = ImGui::CalcTextSize(labels[k]);
    dl->AddText(ImVec2(area.min.x - 5 - ts.x, py - 0.5f * ts.y), text, labels[k]);
  }
  const int max_x_ticks = std::clamp(int((area.max.x - area.min.x) / 70), 3, 10);
  double xt[kMaxTicks], xstep = 0;
  const int nx = plot::linear_ticks(area.x.lo, area.x.hi, max_x_ticks, xt, kMaxTicks, &xstep);
  for (int k = 0; k < nx; ++k) {
    if (integer_x && xt[k] != std::floor(xt[k])) continue;
    float px = 0;
    if (!area.x.map(xt[k], &px)) continue;
    dl->AddLine(ImVec2(px, area.min.y), ImVec2(px, area.max.y), grid);
    char label[24];
    plot::format_tick(xt[k], xstep, label, sizeof label);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const float lx = std::clamp(px - 0.5f * ts.x, outer_min.x, outer_max.x - ts.x);
    dl->AddText(ImVec2(lx, area.max.y + 3), text, label);
  }
  dl->AddRect(area.min, area.max, ImGui::GetColorU32(ImGuiCol_Border));
  return area;
}

void draw_series(ImDrawList* dl, const PlotArea& area, const std::vector<double>& xs,
                 const std::vector<double>& ys, std::size_t from, ImU32 colour, float thickness,
                 std::vector<ImVec2>* scratch) {
  const std::size_t n = std::min(xs.size(), ys.size());
  dl->PushClipRect(area.min, area.max, true);
  const auto flush = [&] {
    // Within a quarter of a pixel of the line through every point (see plot_math.h), simplified
    // in bands of 16 columns so that a new point changes only the last band's triangles.
    scratch->resize(plot::keep_column_extremes(scratch->data(), scratch->size()));
    scratch->resize(
        plot::simplify_polyline_in_bands(scratch->data(), scratch->size(), 0.25f, area.min.x, 16.0f));
    if (scratch->size() == 1)
      dl->AddCircleFilled(scratch->front(), thickness + 1, colour);
    else if (scratch->size() > 1)
      dl->AddPolyline(scratch->data(), int(scratch->size()), colour, ImDrawFlags_None, thickness);
    scratch->clear();
  };
  scratch->clear();
  for (std::size_t k = from; k < n; ++k) {
    float px = 0, py = 0;
    if (area.x.map(xs[k], &px) && area.y.map(ys[k], &py))
      scratch->push_back(ImVec2(px, py));
    else
      flush();
  }
  flush();
  dl->PopClipRect();
}

namespace {

// Train and test accuracy (the engine's confusion matrices, metrics.h) and, folded, the training
// set's confusion matrix: rows the true class, columns the predicted one.
void draw_accuracy(const lab::Lab& lab) {
  ImGui::TextColored(ImColor(kTrainColour), "accuracy train %.1f %%", 100 * lab.confusion_train().accuracy());
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
  ImGui::TextColored(ImColor(kTestColour), "test %.1f %%", 100 * lab.confusion_test().accuracy());
  help_marker("Accuracy: the share of points whose predicted class is their class. The predicted class "
              "is the output unit with the largest y (several outputs), or class 1 where y ≥ 0.5 "
              "(one output). The confusion matrix counts the training points of each true class "
              "(row) by the class predicted for them (column): the diagonal is right.");
  const bp::Confusion& m = lab.confusion_train();
  const bool open = ImGui::TreeNode("Confusion matrix (training set)");
  item_registry::record("Confusion matrix (training set)");
  if (!open) return;
  if (ImGui::BeginTable("confusion", m.classes + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("true \\ pred.");
    for (int p = 0; p < m.classes; ++p) {
      ImGui::TableNextColumn();
      ImGui::Text("%d", p);
    }
    for (int c = 0; c < m.classes; ++c) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", c);
      for (int p = 0; p < m.classes; ++p) {
        ImGui::TableNextColumn();
        if (p == c) ImGui::TextColored(ImColor(kTrainColour), "%d", m.at(c, p));
        else ImGui::Text("%d", m.at(c, p));
      }
    }
    ImGui::EndTable();
  }
  ImGui::TreePop();
}

}  // namespace

void draw_loss_view(UiContext& ui, LossViewState& st) {
  const lab::Lab& lab = ui.lab;
  const lab::History& train = lab.train_curve();
  const lab::History& test = lab.test_curve();

  ImGui::Checkbox("Log scale", &st.log_scale);
  item_registry::record("Log scale");
  ImGui::SameLine();
  fit_next_item_width(ImGui::GetFontSize() * 7, "Zoom to recent", true);
  ImGui::SliderInt("Zoom to recent", &st.recent_percent, 1, 100, "last %d%%",
                   ImGuiSliderFlags_AlwaysClamp);
  item_registry::record("Zoom to recent");
  help_marker("The global error E (the mean loss over a whole set) after each recorded iteration: "
              "training set and test set. Both falling: the network is learning. Training error "
              "falling while the test error rises: it is over-fitting the training points. "
              "Log scale shows the slow late progress; zoom to recent shows the last part of a long "
              "run. Dashed lines mark where a hyperparameter was changed (hover them).");
  // The axis choice joins the first line when the panel is wide enough for it.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float radio = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
  const float axis_width = ImGui::CalcTextSize("x:").x + 2 * radio +
                           ImGui::CalcTextSize("iterations").x + ImGui::CalcTextSize("epochs").x +
                           ImGui::CalcTextSize("(?)").x + 4 * style.ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (right - ImGui::GetItemRectMax().x > style.ItemSpacing.x + axis_width) ImGui::SameLine();
  axis_choice(ui);
  const bool by_epoch = lab.settings().loss_axis == lab::LossAxis::Epochs;

  char tr[32], te[32];
  format_value(lab.loss_train(), tr, sizeof tr);
  format_value(lab.loss_test(), te, sizeof te);
  ImGui::TextColored(ImColor(kTrainColour), "train %s", tr);
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
  ImGui::TextColored(ImColor(kTestColour), "test %s", te);
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
  // The iteration the losses were evaluated at: while a large network trains, a few iterations
  // before the trainer's own (EvaluationRefresh).
  char when[64];
  format_when(by_epoch, lab.evaluated_epoch(), lab.evaluated_iteration(), when, sizeof when);
  ImGui::TextDisabled("%s", when);
  if (lab.classification()) draw_accuracy(lab);

  if (train.size() == 0) {
    ImGui::TextDisabled("No iterations yet: press Play or Step.");
    return;
  }
  const std::vector<double>& xs = by_epoch ? train.epochs() : train.xs();
  // Axes that move in steps, not with every new point: between steps the curve drawn so far keeps
  // its pixels, and a frame redraws only the curve's newest end (see FrameDamage).
  const plot::Range xr = plot::growing_x_range(xs.front(), xs.back(), st.recent_percent / 100.0);
  const std::size_t from = std::min(plot::first_at_or_after(xs, xr.lo), xs.size() - 1);

  plot::Range yr, r2;
  bool have = plot::value_range(train.ys().data(), train.size(), from, st.log_scale, &yr);
  if (plot::value_range(test.ys().data(), test.size(), from, st.log_scale, &r2)) {
    yr = have ? plot::Range{std::min(yr.lo, r2.lo), std::max(yr.hi, r2.hi)} : r2;
    have = true;
  }
  if (!have) yr = st.log_scale ? plot::Range{0.01, 1} : plot::Range{0, 1};
  // A linear error axis starts at 0 (errors are ≥ 0), so the height of the curve means something.
  if (!st.log_scale && yr.lo > 0) yr.lo = 0;
  yr = plot::Range{st.log_scale ? plot::nice_floor(yr.lo) : yr.lo, plot::nice_ceil(yr.hi)};
  yr = plot::pad_range(yr, 0.05, st.log_scale);
  if (!st.log_scale) yr.lo = std::max(yr.lo, 0.0);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(std::max(avail.x, 200.0f), std::max(avail.y, 120.0f));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::InvisibleButton("##loss", size);
  item_registry::record("loss plot");
  const bool hovered = ImGui::IsItemHovered();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const PlotArea area = draw_plot_frame(dl, min, max, xr, yr, st.log_scale, !by_epoch);

  // Markers: a dashed line each, labelled as far as the next marker leaves room.
  const std::vector<lab::Marker>& markers = lab.markers();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const lab::Marker* hovered_marker = nullptr;
  const float line_h = ImGui::GetTextLineHeight();
  const auto marker_x = [by_epoch](const lab::Marker& m) { return by_epoch ? m.epoch : m.x; };
  for (std::size_t k = 0; k < markers.size(); ++k) {
    float px = 0;
    if (marker_x(markers[k]) < xr.lo || !area.x.map(marker_x(markers[k]), &px)) continue;
    dashed_vline(dl, px, area.min.y, area.max.y, kMarkerColour);
    float next = area.max.x;
    if (k + 1 < markers.size()) area.x.map(marker_x(markers[k + 1]), &next);
    const ImVec4 clip(px + 3, area.min.y, std::min(next, area.max.x) - 3, area.min.y + line_h + 2);
    if (clip.z > clip.x)
      dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(px + 3, area.min.y + 1),
                  kMarkerColour, markers[k].text.c_str(), nullptr, 0, &clip);
    if (hovered && std::fabs(mouse.x - px) <= kMarkerHover) hovered_marker = &markers[k];
  }

  draw_series(dl, area, test.xs(), test.ys(), from, kTestColour, 1.5f, &st.scratch);
  draw_series(dl, area, xs, train.ys(), from, kTrainColour, 1.5f, &st.scratch);

  if (hovered && area.contains(mouse)) {
    // Read off both errors at the recorded point nearest to the mouse.
    const std::size_t k = nearest_index(xs, from, area.x.unmap(mouse.x));
    float px = 0;
    if (area.x.map(xs[k], &px))
      dl->AddLine(ImVec2(px, area.min.y), ImVec2(px, area.max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.4f));
    char a[32], b[32];
    format_value(train.ys()[k], a, sizeof a);
    format_value(k < test.size() ? test.ys()[k] : NAN, b, sizeof b);
    ImGui::BeginTooltip();
    format_when(by_epoch, train.epochs()[k], train.xs()[k], when, sizeof when);
    ImGui::TextUnformatted(when);
    ImGui::TextColored(ImColor(kTrainColour), "train %s", a);
    ImGui::TextColored(ImColor(kTestColour), "test  %s", b);
    if (hovered_marker) {
      ImGui::Separator();
      format_when(by_epoch, hovered_marker->epoch, hovered_marker->x, when, sizeof when);
      ImGui::TextColored(ImColor(kMarkerColour), "at %s: %s", when, hovered_marker->text.c_str());
    }
    ImGui::EndTooltip();
  }
  if (lab.diverged()) {
    const char* note = "diverged: non-finite errors are not drawn";
    const ImVec2 ts = ImGui::CalcTextSize(note);
    dl->AddText(ImVec2(area.max.x - ts.x - 4, area.max.y - ts.y - 2), IM_COL32(255, 90, 90, 255), note);
  }
}

}  // namespace bplab
