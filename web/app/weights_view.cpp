#include "weights_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "help_marker.h"
#include "item_registry.h"
#include "loss_view.h"
#include "network_view.h"
#include "param_names.h"

namespace bplab {
namespace {

namespace plot = lab::plot;

constexpr float kMinCell = 8.0f, kMaxCell = 22.0f;
constexpr ImU32 kSelectedColour = IM_COL32(255, 214, 10, 255);
constexpr ImU32 kGradientBarColour = IM_COL32(150, 160, 230, 255);
// One colour per layer (ColorBrewer "Set2"), repeated beyond eight layers.
constexpr ImU32 kLayerColours[] = {
    IM_COL32(102, 194, 165, 255), IM_COL32(252, 141, 98, 255),  IM_COL32(141, 160, 203, 255),
    IM_COL32(231, 138, 195, 255), IM_COL32(166, 216, 84, 255),  IM_COL32(255, 217, 47, 255),
    IM_COL32(229, 196, 148, 255), IM_COL32(179, 179, 179, 255)};
constexpr int kNumLayerColours = int(sizeof kLayerColours / sizeof kLayerColours[0]);

ImU32 layer_colour(int l) { return kLayerColours[(l - 1) % kNumLayerColours]; }

// "W₃": the weight matrix of layer l with a subscript (layers stay below 10 in the lab).
void matrix_name(int l, char* buf, std::size_t size) {
  static const char* const kSub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  if (l >= 0 && l <= 9)
    std::snprintf(buf, size, "W%s", kSub[l]);
  else
    std::snprintf(buf, size, "W%d", l);
}

double max_abs_weight(const bp::Network& net, int l) {
  double m = 0;
  const double* w = net.weights(l);
  const std::size_t n = std::size_t(net.size(l)) * net.size(l - 1);
  for (std::size_t k = 0; k < n; ++k)
    if (std::isfinite(w[k])) m = std::max(m, std::fabs(w[k]));
  return m;
}

void heatmaps(lab::Lab& lab) {
  const bp::Network& net = lab.network();
  ImGui::TextUnformatted("Weight matrices");
  help_marker("Each square is one weight w_ji: row j is a unit of layer l, column i a unit of the "
              "layer below. Blue is positive, orange negative, white near zero; each matrix is "
              "scaled by its own largest |w| (shown under it). Look for a pale row (a unit that "
              "hardly listens to anything: dead or unused), a pale column (an input the layer "
              "ignores, e.g. a useless feature), and for weights growing without bound. Click a "
              "square to follow that weight in the backprop inspector.");
  int columns = 0;
  for (int l = 1; l < net.num_layers(); ++l) columns += net.size(l - 1);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float gaps = style.ItemSpacing.x * 2 * float(net.num_layers() - 1);
  const float cell = std::clamp((avail - gaps) / float(std::max(columns, 1)), kMinCell, kMaxCell);
  const lab::InspectorSelection& sel = lab.inspector().selection();
  float used = 0;
  char title[48], name[16];
  for (int l = 1; l < net.num_layers(); ++l) {
    const int rows = net.size(l), cols = net.size(l - 1);
    const double m = max_abs_weight(net, l);
    matrix_name(l, name, sizeof name);
    std::snprintf(title, sizeof title, "%s  %d×%d", name, rows, cols);
    const float width = std::max(cell * float(cols), ImGui::CalcTextSize(title).x);
    if (l > 1 && used + style.ItemSpacing.x * 2 + width <= avail) {
      ImGui::SameLine(0, style.ItemSpacing.x * 2);
      used += style.ItemSpacing.x * 2 + width;
    } else {
      used = width;
    }
    ImGui::BeginGroup();
    ImGui::TextUnformatted(title);
    ImGui::PushID(l);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 size(cell * float(cols), cell * float(rows));
    ImGui::InvisibleButton("##matrix", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double scale = m > 0 ? m : 1;
    for (int j = 0; j < rows; ++j) {
      for (int i = 0; i < cols; ++i) {
        const ImVec2 a(min.x + cell * float(i), min.y + cell * float(j));
        const ImVec2 b(a.x + cell - 1, a.y + cell - 1);  // a 1 px gap between squares
        dl->AddRectFilled(a, b, diverging_colour(net.weight(l, j, i) / scale));
        if (sel.layer == l && sel.unit == j && sel.input == i) dl->AddRect(a, b, kSelectedColour, 0, 0, 2);
      }
    }
    ImGui::TextDisabled("max |w| %.3g", m);
    ImGui::EndGroup();
    if (hovered) {
      const ImVec2 mouse = ImGui::GetIO().MousePos;
      const int i = std::clamp(int((mouse.x - min.x) / cell), 0, cols - 1);
      const int j = std::clamp(int((mouse.y - min.y) / cell), 0, rows - 1);
      if (clicked) lab.inspector().select_weight(l, j, i);
      const std::size_t k = net.param_index(l, j, i);
      const std::vector<double>& g = lab.trainer().gradient();
      ImGui::BeginTooltip();
      ImGui::Text("%s = %.6g", bp::weight_name(lab.network(), l, j, i).c_str(), net.weight(l, j, i));
      ImGui::TextDisabled("%s row %d, column %d: unit %d of layer %d ← unit %d of layer %d", name,
                          j + 1, i + 1, j + 1, l, i + 1, l - 1);
      if (k < g.size()) ImGui::Text("∂E/∂w = %.6g  (last batch)", g[k]);
      ImGui::EndTooltip();
    }
  }
}

// One histogram with a symmetric x range, bars coloured by bar_colour(bin centre / m).
template <typename BarColour>
void histogram_plot(const char* id, const plot::Histogram& h, ImVec2 size, const char* unit_name,
                    BarColour bar_colour) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const double top = std::max(h.max_count, 1);
  const PlotArea area = draw_plot_frame(dl, min, max, h.range, plot::Range{0, top * 1.08}, false, false);
  const double w = h.bin_width();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hovered_bin = -1;
  float base = 0;
  area.y.map(0, &base);
  for (std::size_t k = 0; k < h.counts.size(); ++k) {
    const double lo = h.range.lo + w * double(k);
    float x0 = 0, x1 = 0, y = 0;
    if (!area.x.map(lo, &x0) || !area.x.map(lo + w, &x1) || !area.y.map(h.counts[k], &y)) continue;
    const double centre = (lo + 0.5 * w) / h.range.hi;
    if (h.counts[k] > 0) dl->AddRectFilled(ImVec2(x0 + 1, y), ImVec2(std::max(x1 - 1, x0 + 1), base), bar_colour(centre));
    if (hovered && mouse.x >= x0 && mouse.x < x1) {
      hovered_bin = int(k);
      dl->AddRect(ImVec2(x0, area.min.y), ImVec2(x1, base), ImGui::GetColorU32(ImGuiCol_Text, 0.5f));
    }
  }
  if (hovered_bin >= 0) {
    const double lo = h.range.lo + w * hovered_bin;
    ImGui::SetTooltip("%s in [%.4g, %.4g): %d of %d", unit_name, lo, lo + w,
                      h.counts[std::size_t(hovered_bin)], h.total);
  }
}

void histograms(const lab::Lab& lab, WeightsViewState& st) {
  const bp::Network& net = lab.network();
  ImGui::TextUnformatted("Histograms: weights and gradients");
  help_marker("How all weights (left) and all gradients ∂E/∂w of the last batch (right) are "
              "spread; biases are not included. At initialisation the weights form a narrow bump "
              "around 0 whose width the initialisation sets. With L2 they are pulled towards 0; "
              "with L1 many sit at exactly 0. Gradients all piled up at 0 mean little is being "
              "learned (a plateau, or saturated units); gradients spreading ever wider warn that "
              "training is about to blow up.");
  const std::vector<double>& g = lab.trainer().gradient();
  int weights = 0;
  for (int l = 1; l < net.num_layers(); ++l) weights += net.size(l) * net.size(l - 1);
  // An odd number of bins puts 0 in the middle of the centre bin.
  const int bins = std::clamp(weights / 3, 5, 41) | 1;
  const auto gather = [&](const double* src, std::size_t n_src, plot::Histogram* out) {
    st.values.clear();
    for (int l = 1; l < net.num_layers(); ++l)
      for (std::size_t k = net.weight_offset(l); k < net.bias_offset(l) && k < n_src; ++k)
        st.values.push_back(src[k]);
    plot::bin_values(st.values.data(), st.values.size(),
                     plot::symmetric_range(st.values.data(), st.values.size()), bins, out);
  };
  gather(net.params().data(), net.params().size(), &st.weight_hist);
  gather(g.data(), g.size(), &st.gradient_hist);

  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float half = std::max((ImGui::GetContentRegionAvail().x - spacing) * 0.5f, 120.0f);
  const float height = std::clamp(ImGui::GetContentRegionAvail().y * 0.3f, 90.0f, 170.0f);
  ImGui::BeginGroup();
  ImGui::Text("w: %d weights, max |w| %.3g", st.weight_hist.total, st.weight_hist.range.hi);
  histogram_plot("##weight_hist", st.weight_hist, ImVec2(half, height), "w",
                 [](double t) { return diverging_colour(t); });
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::Text("∂E/∂w: max |∂E/∂w| %.3g", st.gradient_hist.range.hi);
  histogram_plot("##gradient_hist", st.gradient_hist, ImVec2(half, height), "∂E/∂w",
                 [](double) { return kGradientBarColour; });
  ImGui::EndGroup();
}

void update_sizes(const lab::Lab& lab, WeightsViewState& st) {
  ImGui::TextUnformatted("Update size per layer");
  help_marker("The mean size of each layer's last weight change |Δw| (or of its gradient "
              "|∂E/∂w|) over the iterations, on a log scale: one line per weight matrix. Lines "
              "several powers of ten apart, with the layers nearest the input at the bottom, are "
              "vanishing gradients (typical of deep sigmoid or tanh networks: those layers barely "
              "learn). Lines shooting upwards are exploding gradients (the learning rate is too "
              "high). Healthy training: lines close together, slowly falling.");
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  if (ImGui::RadioButton("mean |Δw|", !st.show_gradient_size)) st.show_gradient_size = false;
  item_registry::record("mean |Δw|");
  ImGui::SameLine();
  if (ImGui::RadioButton("mean |∂E/∂w|", st.show_gradient_size)) st.show_gradient_size = true;
  item_registry::record("mean |∂E/∂w|");

  const std::vector<lab::History>& series = st.show_gradient_size ? lab.gradient_size() : lab.update_size();
  // Legend: a colour square and the matrix name per layer.
  const float sq = ImGui::GetTextLineHeight() * 0.7f;
  char name[16];
  for (std::size_t k = 0; k < series.size(); ++k) {
    if (k > 0) ImGui::SameLine(0, ImGui::GetFontSize());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float off = 0.5f * (ImGui::GetTextLineHeight() - sq);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + off), ImVec2(p.x + sq, p.y + off + sq),
                                              layer_colour(int(k) + 1));
    ImGui::Dummy(ImVec2(sq, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 4);
    matrix_name(int(k) + 1, name, sizeof name);
    ImGui::TextUnformatted(name);
  }

  bool have_x = false, have_y = false;
  plot::Range yr, xr, r;
  for (const lab::History& h : series) {
    if (h.size() == 0) continue;
    xr = have_x ? plot::Range{std::min(xr.lo, h.xs().front()), std::max(xr.hi, h.xs().back())}
                : plot::Range{h.xs().front(), h.xs().back()};
    have_x = true;
    if (plot::value_range(h.ys().data(), h.size(), 0, true, &r)) {
      yr = have_y ? plot::Range{std::min(yr.lo, r.lo), std::max(yr.hi, r.hi)} : r;
      have_y = true;
    }
  }
  if (!have_y) {
    ImGui::TextDisabled("No updates yet: press Play or Step.");
    return;
  }
  yr = plot::pad_range(yr, 0.05, true);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(std::max(avail.x, 200.0f), std::max(avail.y, 120.0f));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##update_sizes", size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const PlotArea area = draw_plot_frame(dl, min, ImVec2(min.x + size.x, min.y + size.y), xr, yr, true, true);
  for (std::size_t k = 0; k < series.size(); ++k)
    draw_series(dl, area, series[k].xs(), series[k].ys(), 0, layer_colour(int(k) + 1), 1.5f, &st.scratch);

  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (hovered && area.contains(mouse)) {
    const double x = area.x.unmap(mouse.x);
    ImGui::BeginTooltip();
    ImGui::Text("iteration ≈ %.0f", x);
    for (std::size_t k = 0; k < series.size(); ++k) {
      const std::vector<double>& xs = series[k].xs();
      if (xs.empty()) continue;
      const std::size_t at = std::min(plot::first_at_or_after(xs, x), xs.size() - 1);
      matrix_name(int(k) + 1, name, sizeof name);
      ImGui::TextColored(ImColor(layer_colour(int(k) + 1)), "%s  %.3g", name, series[k].ys()[at]);
    }
    ImGui::EndTooltip();
  }
}

}  // namespace

void draw_weights_view(UiContext& ui, WeightsViewState& st) {
  if (ui.lab.network().num_layers() < 2) {
    ImGui::TextDisabled("No network yet.");
    return;
  }
  heatmaps(ui.lab);
  ImGui::Separator();
  histograms(ui.lab, st);
  ImGui::Separator();
  update_sizes(ui.lab, st);
}

}  // namespace bplab
