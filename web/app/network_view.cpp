#include "network_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "activation.h"
#include "boundary_view.h"
#include "colormap.h"
#include "input_features.h"
#include "input_limits.h"
#include "item_registry.h"
#include "plot_math.h"
#include "param_names.h"

namespace bplab {
namespace {

namespace plot = lab::plot;

// |w| (and |b|) at which a line reaches its full width and colour: fixed rather than relative to
// the largest weight, so that weights visibly grow during training.
constexpr double kWeightFull = 3.0;
constexpr float kMinLineWidth = 0.75f, kMaxLineWidth = 7.0f;
constexpr float kMinRadius = 6.0f, kMaxRadius = 17.0f;
// The mouse hits a line within this many pixels of it (plus half its width).
constexpr float kHitSlack = 3.0f;
// Probe points of a line: candidate fractions along it, middle first, so a test's click lands
// where no other line of the same layer passes within kProbeClearance pixels.
constexpr float kProbeCandidates[] = {0.5f,  0.42f, 0.58f, 0.34f, 0.66f, 0.26f,
                                      0.74f, 0.46f, 0.54f, 0.38f, 0.62f, 0.3f, 0.7f};
constexpr float kProbeClearance = 4.0f;
constexpr ImU32 kSelectedColour = IM_COL32(255, 214, 10, 255);
constexpr ImU32 kHoverColour = IM_COL32(255, 255, 255, 200);

// Where the units go: column x per layer, row spacing, radius.
struct Layout {
  ImVec2 min, max;  // the canvas
  float left = 0, right = 0, top = 0, bottom = 0;  // the area unit centres span
  float radius = 10;
  float row_gap = 30;
  int layers = 0;
  const bp::Network* net = nullptr;

  ImVec2 unit(int l, int j) const {
    const float x = layers > 1 ? left + (right - left) * float(l) / float(layers - 1) : left;
    const float mid = 0.5f * (top + bottom);
    return ImVec2(x, mid + (float(j) - 0.5f * float(net->size(l) - 1)) * row_gap);
  }
};

Layout make_layout(const bp::Network& net, ImVec2 min, ImVec2 max, float label_w, float line_h) {
  Layout lay;
  lay.net = &net;
  lay.min = min;
  lay.max = max;
  lay.layers = net.num_layers();
  const float pad = 8.0f;
  lay.left = min.x + label_w + pad + kMaxRadius;
  lay.right = max.x - pad - kMaxRadius - ImGui::CalcTextSize("y8 = -0.000").x;
  lay.top = min.y + line_h + pad + kMaxRadius;  // room for the layer titles
  lay.bottom = max.y - line_h - pad - kMaxRadius;  // room for the caption
  lay.right = std::max(lay.right, lay.left + 1.0f);
  lay.bottom = std::max(lay.bottom, lay.top + 1.0f);
  const int widest = std::max(net.max_width(), 1);
  const float col_gap = (lay.right - lay.left) / float(std::max(lay.layers - 1, 1));
  // Rows fill the height, but no more than 3.5 radii apart, so small layers stay compact.
  lay.radius = std::clamp(std::min(col_gap * 0.16f, (lay.bottom - lay.top) / widest * 0.36f),
                          kMinRadius, kMaxRadius);
  lay.row_gap = std::min((lay.bottom - lay.top) / float(std::max(widest - 1, 1)), lay.radius * 3.5f);
  return lay;
}

// Rebuilds the weight names and the probe points when the architecture or the canvas size
// changed (both are independent of where the window is, so moving it costs nothing).
void refresh_cache(const lab::Lab& lab, const Layout& lay, NetworkViewState& st) {
  const bp::Network& net = lab.network();
  int key_buf[bp::kMaxLayers + 4];
  int key_n = 0;
  for (int l = 0; l < net.num_layers(); ++l) key_buf[key_n++] = net.size(l);
  key_buf[key_n++] = int(lay.left - lay.min.x);
  key_buf[key_n++] = int(lay.right - lay.min.x);
  key_buf[key_n++] = int(lay.top - lay.min.y);
  key_buf[key_n++] = int(lay.bottom - lay.min.y);
  if (st.layout_key.size() == std::size_t(key_n) &&
      std::equal(key_buf, key_buf + key_n, st.layout_key.begin()))
    return;
  st.layout_key.assign(key_buf, key_buf + key_n);
  st.names.clear();
  st.probe_t.clear();
  const std::vector<float> candidates(std::begin(kProbeCandidates), std::end(kProbeCandidates));
  for (int l = 1; l < net.num_layers(); ++l) {
    std::vector<plot::Line> lines;
    for (int j = 0; j < net.size(l); ++j) {
      for (int i = 0; i < net.size(l - 1); ++i) {
        st.names.push_back(bp::weight_name(lab.network(), l, j, i));
        const ImVec2 a = lay.unit(l - 1, i), b = lay.unit(l, j);
        lines.push_back({a.x, a.y, b.x, b.y});
      }
    }
    // Where a click hits only that line, clear of every other line of this layer.
    const std::vector<float> t = plot::clear_fractions(lines, candidates, kProbeClearance);
    st.probe_t.insert(st.probe_t.end(), t.begin(), t.end());
  }
}

// What the mouse is over: a unit (l, j), a connection (l, j, i), or nothing (l = 0, kind None).
struct Hit {
  enum Kind { None, Unit, Weight } kind = None;
  int l = 0, j = 0, i = 0;
};

Hit hit_test(const bp::Network& net, const Layout& lay, ImVec2 m) {
  Hit hit;
  for (int l = 0; l < net.num_layers(); ++l) {
    for (int j = 0; j < net.size(l); ++j) {
      const ImVec2 c = lay.unit(l, j);
      if (plot::in_circle(m.x, m.y, c.x, c.y, lay.radius + 2)) return Hit{Hit::Unit, l, j, 0};
    }
  }
  double best = 1e9;
  for (int l = 1; l < net.num_layers(); ++l) {
    // Only the layer whose column band holds the mouse can be hit.
    const float x0 = lay.unit(l - 1, 0).x, x1 = lay.unit(l, 0).x;
    if (m.x < x0 || m.x > x1) continue;
    for (int j = 0; j < net.size(l); ++j) {
      for (int i = 0; i < net.size(l - 1); ++i) {
        const ImVec2 a = lay.unit(l - 1, i), b = lay.unit(l, j);
        const double d = plot::distance_to_segment(m.x, m.y, a.x, a.y, b.x, b.y);
        const float w = plot::magnitude_width(net.weight(l, j, i), kWeightFull, kMinLineWidth,
                                              kMaxLineWidth);
        if (d <= 0.5 * w + kHitSlack && d < best) {
          best = d;
          hit = Hit{Hit::Weight, l, j, i};
        }
      }
    }
  }
  return hit;
}

// The colour a value gets on the fixed ±kWeightFull scale, never quite white, so the sign of even
// a tiny weight stays readable.
ImU32 signed_colour(double v, float alpha) {
  if (!std::isfinite(v)) return diverging_colour(v, alpha);
  const double t = std::clamp(v / kWeightFull, -1.0, 1.0);
  return diverging_colour(std::copysign(0.25 + 0.75 * std::fabs(t), t), alpha);
}

const char* unit_label(const lab::Lab& lab, int l, int j, char* buf, std::size_t size) {
  const bp::Network& net = lab.network();
  if (l == 0) {
    // The j-th selected feature, in table order.
    const std::vector<bp::Feature>& all = bp::features();
    int seen = 0;
    for (std::size_t k = 0; k < all.size(); ++k) {
      if (!(lab.settings().features & (1u << k))) continue;
      if (seen++ == j) return all[k].label;
    }
    std::snprintf(buf, size, "x%d", j + 1);
  } else if (l == net.num_layers() - 1) {
    if (net.output_size() == 1)
      std::snprintf(buf, size, "output");
    else
      std::snprintf(buf, size, "output %d", j + 1);
  } else {
    std::snprintf(buf, size, "hidden %d, unit %d", l, j + 1);
  }
  return buf;
}

// The point whose activations are shown, and a words for where it comes from.
void shown_point(const UiContext& ui, const NetworkViewState& st, double* x1, double* x2,
                 char* what, std::size_t size) {
  const lab::Lab& lab = ui.lab;
  if (st.has_map_point) {
    *x1 = st.map_x1;
    *x2 = st.map_x2;
    std::snprintf(what, size, "the point under the mouse");
    return;
  }
  const bp::Dataset& raw = lab.raw_train();
  const int s = lab.inspector().selection().sample;
  if (s >= 0 && s < raw.size() && raw.n_inputs >= 2) {
    *x1 = raw.input(s)[0];
    *x2 = raw.input(s)[1];
    std::snprintf(what, size, "training sample %d", s);
  } else {
    *x1 = *x2 = 0;
    std::snprintf(what, size, "the origin");
  }
}

// "name = value  (note)" with the values aligned in a column.
void value_row(const char* name, double value, const char* note) {
  ImGui::TextUnformatted(name);
  ImGui::SameLine(ImGui::GetFontSize() * 3.2f);
  if (note)
    ImGui::Text("= %.6g   (%s)", value, note);
  else
    ImGui::Text("= %.6g", value);
}

void weight_tooltip(const lab::Lab& lab, const Hit& h) {
  const bp::Network& net = lab.network();
  const std::size_t k = net.param_index(h.l, h.j, h.i);
  const std::vector<double>& g = lab.trainer().gradient();
  const std::vector<double>& v = lab.trainer().velocity();
  char from[48], to[48];
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(bp::weight_name(lab.network(), h.l, h.j, h.i).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("from %s to %s", unit_label(lab, h.l - 1, h.i, from, sizeof from),
                      unit_label(lab, h.l, h.j, to, sizeof to));
  ImGui::Separator();
  value_row("w", net.weight(h.l, h.j, h.i), nullptr);
  if (k < g.size()) value_row("∂E/∂w", g[k], "last batch");
  if (k < v.size()) value_row("v", v[k], "momentum velocity");
  ImGui::TextDisabled("Click to follow this weight in the backprop inspector.");
  ImGui::EndTooltip();
}

void unit_tooltip(const lab::Lab& lab, const NetworkViewState& st, const Hit& h, double x1,
                  double x2, const char* where) {
  const bp::Network& net = lab.network();
  char label[48];
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(unit_label(lab, h.l, h.j, label, sizeof label));
  if (h.l > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", bp::activation(net.activation(h.l)).name);
  }
  ImGui::Separator();
  ImGui::TextDisabled("at %s: x₁ = %.3g, x₂ = %.3g", where, x1, x2);
  const bool traced = std::size_t(h.l) < st.trace.y.size() &&
                      std::size_t(h.j) < st.trace.y[std::size_t(h.l)].size();
  if (traced && h.l > 0) {
    ImGui::Text("θ = Σᵢ wᵢ yᵢ + b = %.6g", st.trace.theta[std::size_t(h.l)][std::size_t(h.j)]);
    ImGui::Text("y = f(θ) = %.6g", st.trace.y[std::size_t(h.l)][std::size_t(h.j)]);
    ImGui::Text("b = %.6g", net.biases(h.l)[h.j]);
  } else if (traced) {
    ImGui::Text("y = %.6g", st.trace.y[0][std::size_t(h.j)]);
  }
  if (st.unit_maps) {
    ImGui::TextDisabled("y over the input plane:");
    st.unit_maps->draw_unit_map(lab, h.l, h.j, ImGui::GetFontSize() * 7);
  }
  ImGui::EndTooltip();
}

bool same_shape(const bp::Network& a, const bp::Network& b) {
  if (a.num_layers() != b.num_layers()) return false;
  for (int l = 0; l < a.num_layers(); ++l)
    if (a.size(l) != b.size(l) || (l > 0 && a.activation(l) != b.activation(l))) return false;
  return true;
}

// The network and the trace of (x1, x2) the diagram shows this frame (DiagramRefresh).
void take_network(const lab::Lab& lab, double x1, double x2, NetworkViewState& st) {
  const bp::Network& live = lab.network();
  if (!same_shape(st.shown, live) || x1 != st.shown_x1 || x2 != st.shown_x2) st.refresh.expire();
  if (!st.refresh.due(ImGui::GetTime(), lab.running(), long(live.num_weights()))) return;
  st.shown = live;
  st.shown_x1 = x1;
  st.shown_x2 = x2;
  lab.predict(x1, x2, &st.trace);
}

}  // namespace

ImU32 diverging_colour(double t, float alpha) {
  if (!std::isfinite(t)) return IM_COL32(128, 128, 128, int(std::clamp(alpha, 0.0f, 1.0f) * 255));
  return lab::pack_rgba8(lab::colour(0.5 + 0.5 * std::clamp(t, -1.0, 1.0)), alpha);
}

void draw_network_view(UiContext& ui, NetworkViewState& st) {
  lab::Lab& lab = ui.lab;
  if (lab.network().num_layers() < 2) {
    ImGui::TextDisabled("No network yet.");
    return;
  }
  double x1 = 0, x2 = 0;
  char where[48];
  shown_point(ui, st, &x1, &x2, where, sizeof where);
  take_network(lab, x1, x2, st);
  const bp::Network& net = st.shown;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(std::max(avail.x, 240.0f), std::max(avail.y, 180.0f));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  const float line_h = ImGui::GetTextLineHeight();

  float label_w = 0;
  char buf[64];
  for (int j = 0; j < net.input_size(); ++j)
    label_w = std::max(label_w, ImGui::CalcTextSize(unit_label(lab, 0, j, buf, sizeof buf)).x);
  const Layout lay = make_layout(net, min, max, label_w, line_h);
  refresh_cache(lab, lay, st);

  // Probe points into the registry first (as small dummies inside the canvas), then the canvas
  // button on top, which takes the hover and the clicks and advances the layout.
  std::size_t n = 0;
  for (int l = 1; l < net.num_layers(); ++l) {
    for (int j = 0; j < net.size(l); ++j) {
      for (int i = 0; i < net.size(l - 1); ++i, ++n) {
        const ImVec2 a = lay.unit(l - 1, i), b = lay.unit(l, j);
        const float t = st.probe_t[n];
        ImGui::SetCursorScreenPos(ImVec2(a.x + t * (b.x - a.x) - 2, a.y + t * (b.y - a.y) - 2));
        ImGui::Dummy(ImVec2(4, 4));
        item_registry::record(st.names[n].c_str());
      }
    }
  }
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton("##network", size);
  const bool hovered = ImGui::IsItemHovered();
  const Hit hit = hovered ? hit_test(net, lay, ImGui::GetIO().MousePos) : Hit{};
  if (hit.kind == Hit::Weight && ImGui::IsItemClicked(ImGuiMouseButton_Left))
    lab.inspector().select_weight(hit.l, hit.j, hit.i);
  // A click on a unit selects its bias b_j (the input layer has none).
  if (hit.kind == Hit::Unit && hit.l > 0 && ImGui::IsItemClicked(ImGuiMouseButton_Left))
    lab.inspector().select_bias(hit.l, hit.j);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(min, max, true);

  // Layer titles.
  for (int l = 0; l < net.num_layers(); ++l) {
    const bool last = l == net.num_layers() - 1;
    if (l == 0)
      std::snprintf(buf, sizeof buf, "input");
    else if (last)
      std::snprintf(buf, sizeof buf, "output");
    else
      std::snprintf(buf, sizeof buf, "hidden %d", l);
    const float col_gap = (lay.right - lay.left) / float(std::max(net.num_layers() - 1, 1));
    if (ImGui::CalcTextSize(buf).x > col_gap * 0.8f && !last && l > 0)
      std::snprintf(buf, sizeof buf, "h%d", l);
    const float w = ImGui::CalcTextSize(buf).x;
    dl->AddText(ImVec2(lay.unit(l, 0).x - 0.5f * w, min.y + 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), buf);
  }

  // Connections: all, then the hovered and the selected one on top.
  const lab::InspectorSelection& sel = lab.inspector().selection();
  for (int l = 1; l < net.num_layers(); ++l) {
    for (int j = 0; j < net.size(l); ++j) {
      for (int i = 0; i < net.size(l - 1); ++i) {
        const double w = net.weight(l, j, i);
        const float width = plot::magnitude_width(w, kWeightFull, kMinLineWidth, kMaxLineWidth);
        const float alpha = 0.45f + 0.55f * (width - kMinLineWidth) / (kMaxLineWidth - kMinLineWidth);
        dl->AddLine(lay.unit(l - 1, i), lay.unit(l, j), signed_colour(w, alpha), width);
      }
    }
  }
  const auto emphasise = [&](int l, int j, int i, ImU32 halo) {
    if (l < 1 || l >= net.num_layers() || j >= net.size(l) || i < 0 || i >= net.size(l - 1)) return;
    const double w = net.weight(l, j, i);
    const float width = plot::magnitude_width(w, kWeightFull, kMinLineWidth, kMaxLineWidth);
    dl->AddLine(lay.unit(l - 1, i), lay.unit(l, j), halo, width + 4);
    dl->AddLine(lay.unit(l - 1, i), lay.unit(l, j), signed_colour(w, 1), width);
  };
  if (hit.kind == Hit::Weight) emphasise(hit.l, hit.j, hit.i, kHoverColour);
  emphasise(sel.layer, sel.unit, sel.input, kSelectedColour);

  // Units: filled with y, ringed with the bias (colour = sign, width = |b|).
  const ImU32 outline = ImGui::GetColorU32(ImGuiCol_Border);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  for (int l = 0; l < net.num_layers(); ++l) {
    for (int j = 0; j < net.size(l); ++j) {
      const ImVec2 c = lay.unit(l, j);
      const bool traced = std::size_t(l) < st.trace.y.size() &&
                          std::size_t(j) < st.trace.y[std::size_t(l)].size();
      const double y = traced ? st.trace.y[std::size_t(l)][std::size_t(j)] : 0.0;
      // Inputs and most activations on [−1, 1], sigmoid on [0, 1] (lab::activation_range).
      const lab::ValueRange yr = l > 0 ? lab::activation_range(net.activation(l)) : lab::ValueRange{-1, 1};
      // The bias ring is a disc under the unit's disc, not a stroke around it: a filled circle
      // takes half the triangles of a thick anti-aliased stroke, and a software rasteriser pays
      // per triangle (docs/page_performance.md).
      if (l > 0) {
        const double b = net.biases(l)[j];
        const float ring = plot::magnitude_width(b, kWeightFull, 1.0f, 4.0f);
        dl->AddCircleFilled(c, lay.radius + ring, signed_colour(b, 1));
      }
      dl->AddCircleFilled(c, lay.radius, std::isfinite(y) ? lab::pack_rgba8(lab::colour(y, yr))
                                                          : diverging_colour(y));
      if (l == 0) dl->AddCircle(c, lay.radius, outline, 0, 1.0f);
      if (hit.kind == Hit::Unit && hit.l == l && hit.j == j)
        dl->AddCircle(c, lay.radius + 5, kHoverColour, 0, 2.0f);
      if (sel.is_bias() && sel.layer == l && sel.unit == j)
        dl->AddCircle(c, lay.radius + 7, kSelectedColour, 0, 3.0f);
      if (l == 0) {
        const char* name = unit_label(lab, 0, j, buf, sizeof buf);
        const ImVec2 ts = ImGui::CalcTextSize(name);
        dl->AddText(ImVec2(c.x - lay.radius - 6 - ts.x, c.y - 0.5f * ts.y), text, name);
      } else if (l == net.num_layers() - 1 && traced) {
        if (net.output_size() == 1)
          std::snprintf(buf, sizeof buf, "y = %.3f", y);
        else
          std::snprintf(buf, sizeof buf, "y%d = %.3f", j + 1, y);
        const ImVec2 ts = ImGui::CalcTextSize(buf);
        dl->AddText(ImVec2(c.x + lay.radius + 8, c.y - 0.5f * ts.y), text, buf);
      }
    }
  }

  // Caption: which point the colours show, in fewer words where the panel is narrow (1024×600).
  char caption[128];
  std::snprintf(caption, sizeof caption, "y for %s (x₁ = %.2f, x₂ = %.2f)", where, x1, x2);
  if (ImGui::CalcTextSize(caption).x > max.x - min.x - 4)
    std::snprintf(caption, sizeof caption, "%s (x₁ = %.2f, x₂ = %.2f)", where, x1, x2);
  if (ImGui::CalcTextSize(caption).x > max.x - min.x - 4)
    std::snprintf(caption, sizeof caption, "x₁ = %.2f, x₂ = %.2f", x1, x2);
  dl->AddText(ImVec2(min.x + 2, max.y - line_h - 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), caption);
  dl->PopClipRect();

  if (hit.kind == Hit::Weight) weight_tooltip(lab, hit);
  if (hit.kind == Hit::Unit) unit_tooltip(lab, st, hit, x1, x2, where);
}

}  // namespace bplab
