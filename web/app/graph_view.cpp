#include "graph_view.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph_terms.h"
#include "help_marker.h"
#include "imgui.h"
#include "inspector_view.h"
#include "item_registry.h"
#include "lab.h"

namespace bplab {
namespace {

using bp::Gate;
using bp::GateKind;
using lab::InspectorPhase;

constexpr ImU32 kForwardColour = IM_COL32(150, 200, 255, 255);
constexpr ImU32 kBackwardColour = IM_COL32(255, 180, 90, 255);
constexpr ImU32 kNodeFill = IM_COL32(60, 60, 70, 255);
constexpr ImU32 kSumFill = IM_COL32(80, 70, 40, 255);

const char* gate_name(GateKind k) {
  switch (k) {
    case GateKind::Multiply: return "multiply";
    case GateKind::Add: return "add";
    case GateKind::Activation: return "f";
    case GateKind::Loss: return "loss";
  }
  return "";
}

// The three lines a node carries: its forward value above it, its gradient and its local rule
// below it (empty while the walk has not reached them).
struct NodeText {
  std::string symbol, above, below, rule;
};

std::string fmt(const char* f, double a) {
  char buf[96];
  std::snprintf(buf, sizeof buf, f, a);
  return buf;
}

// Which numbers of a gate of unit (l, ·) the inspector's walk has computed so far.
struct Reveal {
  const lab::Inspector& in;
  int L;
  bool forward(int l) const { return in.revealed(InspectorPhase::Forward, l); }
  bool delta(int l) const { return in.revealed(InspectorPhase::BackwardTheta, l); }
  // ∂E/∂y of layer l: from the loss at the top, else sent down by layer l + 1.
  bool dE_dy(int l) const {
    return l == L - 1 ? in.revealed(InspectorPhase::BackwardTheta, l)
                      : in.revealed(InspectorPhase::BackwardY, l + 1);
  }
};

// Numbers only, to keep the columns narrow: the legend above the graph names them.
NodeText gate_text(const Gate& g, const Reveal& r) {
  NodeText t;
  const int l = g.layer;
  switch (g.kind) {
    case GateKind::Multiply:
      t.symbol = "×";
      if (r.forward(l)) t.above = fmt("%.4g", g.value);  // w·y
      if (r.delta(l)) {
        t.below = fmt("%.4g", g.grad);  // δ
        t.rule = fmt("×%.4g", g.local);  // the other input
      }
      break;
    case GateKind::Add:
      t.symbol = "+";
      if (r.forward(l)) t.above = fmt("%.4g", g.value);  // θ
      if (r.delta(l)) {
        t.below = fmt("%.4g", g.grad);  // δ
        t.rule = "×1";
      }
      break;
    case GateKind::Activation:
      t.symbol = "f";
      if (r.forward(l)) t.above = fmt("%.4g", g.value);  // y
      if (r.dE_dy(l)) t.below = fmt("%.4g", g.grad);  // ∂E/∂y
      if (r.delta(l)) t.rule = g.has_local ? fmt("×%.4g", g.local) : std::string("fused");
      break;
    case GateKind::Loss:
      t.symbol = "E";
      if (r.forward(r.L - 1)) t.above = fmt("%.4g", g.value);
      if (r.delta(r.L - 1)) {
        t.below = "1";
        t.rule = fmt("×%.4g", g.local);  // ∂E/∂y
      }
      break;
  }
  return t;
}

// Lays out and draws the graph: columns of width col, rows of height row, from the child window's
// origin.
class GraphPainter {
 public:
  GraphPainter(UiContext& ui, GraphViewState& st, const bp::Trace& tr)
      : ui_(ui),
        st_(st),
        net_(ui.lab.inspector().network()),
        loss_(ui.lab.trainer().loss()),
        tr_(tr),
        reveal_{ui.lab.inspector(), ui.lab.network().num_layers()},
        dl_(ImGui::GetWindowDrawList()),
        origin_(ImGui::GetCursorScreenPos()),
        avail_w_(ImGui::GetContentRegionAvail().x) {
    line_ = ImGui::GetTextLineHeight();
    radius_ = line_ * 0.9f;
    number_w_ = ImGui::CalcTextSize("×-0.0001234").x;
    col_ = number_w_ + line_ * 0.5f;
    row_ = line_ * 5.5f;
  }

  // The selected parameter's node, its unit's gates, and what lies above.
  void draw_path() {
    const lab::Inspector& in = ui_.lab.inspector();
    const bp::ParamPath path = bp::param_path(net_, loss_, tr_, in.param_index());
    // The collapsed path (the parameter, its gates, then E or Σ) fits the panel without scrolling
    // where it can: columns narrow down to the widest number and a little space.
    const float nodes = float(path.gates.size() + 2);
    col_ = std::clamp(avail_w_ / nodes, number_w_ + line_ * 0.15f, number_w_ + line_ * 0.5f);
    const float y = origin_.y + line_ * 2.0f + radius_;
    ImVec2 at(origin_.x + col_ * 0.5f, y);
    NodeText p;
    p.symbol = in.weight_name();
    p.above = fmt("%.4g", in.value());
    const int l = in.selection().layer;
    if (in.revealed(InspectorPhase::BackwardW, l)) p.below = fmt("%.4g", path.gates.front().grad_out);
    node(at, p, kNodeFill, true);
    ImVec2 prev = at;
    for (const Gate& g : path.gates) {
      at.x += col_;
      edge(prev, at);
      node(at, gate_text(g, reveal_), kNodeFill, false);
      prev = at;
    }
    float bottom = y;
    if (path.reaches_loss) {
      at.x += col_;
      edge(prev, at);
      node(at, gate_text(path.loss, reveal_), kNodeFill, false);
    } else {
      bottom = above(path.above.layer, path.above.unit, prev, at.x + col_, y);
    }
    extent(at.x + col_, bottom + row_ * 0.5f);
  }

  ImVec2 origin() const { return origin_; }
  ImVec2 size() const { return ImVec2(max_.x - origin_.x, max_.y - origin_.y); }

 private:
  // The paths from hidden unit j of layer l to E, starting at column x on row y: one Σ node, or
  // when expanded one row per unit k of layer l + 1. Returns the centre line of the last row used.
  float above(int l, int j, ImVec2 from, float x, float y) {
    const bool open = st_.expanded.count({l, j}) > 0;
    if (!open) {
      const bp::FanOut f = bp::fan_out(net_, tr_, l, j);
      NodeText t;
      t.symbol = "Σ";
      t.above = f.terms.size() == 1 ? "1 path" : fmt("%.0f paths", double(f.terms.size()));
      if (reveal_.dE_dy(l)) t.below = fmt("%.4g", f.dE_dy);  // ∂E/∂y_j
      t.rule = "click";
      const ImVec2 at(x, y);
      edge(from, at);
      node(at, t, kSumFill, false);
      sum_button(l, j, at, "Expand");
      return y;
    }
    float row_y = y;
    for (int k = 0; k < net_.size(l + 1); ++k) {
      if (k > 0) row_y += row_;
      ImVec2 prev = from, at(x, row_y);
      for (const Gate& g : bp::unit_gates(net_, loss_, tr_, l + 1, k, j, false)) {
        edge(prev, at);
        node(at, gate_text(g, reveal_), kNodeFill, false);
        prev = at;
        at.x += col_;
      }
      if (l + 1 == net_.num_layers() - 1) {
        edge(prev, at);
        node(at, gate_text(bp::loss_gate(net_, tr_, k), reveal_), kNodeFill, false);
        extent(at.x + col_, row_y);
      } else {
        row_y = above(l + 1, k, prev, at.x, row_y);
      }
    }
    // The expanded sum collapses again from a small Σ at its start.
    sum_button(l, j, ImVec2(x - col_ * 0.5f, y - radius_ * 1.6f), "Collapse");
    return row_y;
  }

  // An invisible button over a Σ node that toggles it; its rectangle is recorded for tests as
  // "Σ <l>.<j+1>".
  void sum_button(int l, int j, ImVec2 c, const char* tip) {
    const std::string label = "Σ " + std::to_string(l) + "." + std::to_string(j + 1);
    ImGui::SetCursorScreenPos(ImVec2(c.x - radius_, c.y - radius_));
    if (ImGui::InvisibleButton(label.c_str(), ImVec2(2 * radius_, 2 * radius_))) {
      if (!st_.expanded.erase({l, j})) st_.expanded.insert({l, j});
    }
    item_registry::record(label.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s the paths from unit %d of layer %d to E", tip, j + 1, l);
    if (tip[0] == 'C') dl_->AddText(ImVec2(c.x - radius_ * 0.5f, c.y - line_ * 0.5f),
                                    ImGui::GetColorU32(ImGuiCol_TextDisabled), "Σ");
  }

  void node(ImVec2 c, const NodeText& t, ImU32 fill, bool square) {
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const float w = std::max(radius_, ImGui::CalcTextSize(t.symbol.c_str()).x * 0.5f + 4);
    if (square) {
      dl_->AddRectFilled(ImVec2(c.x - w, c.y - radius_), ImVec2(c.x + w, c.y + radius_), fill, 3);
      dl_->AddRect(ImVec2(c.x - w, c.y - radius_), ImVec2(c.x + w, c.y + radius_), border, 3);
    } else {
      dl_->AddCircleFilled(c, radius_, fill);
      dl_->AddCircle(c, radius_, border);
    }
    centred(ImVec2(c.x, c.y - line_ * 0.5f), t.symbol, text);
    centred(ImVec2(c.x, c.y - radius_ - line_ * 1.1f), t.above, kForwardColour);
    centred(ImVec2(c.x, c.y + radius_ + 2), t.below, kBackwardColour);
    centred(ImVec2(c.x, c.y + radius_ + 2 + line_), t.rule, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    extent(c.x + col_ * 0.5f, c.y + radius_ + 2 + line_ * 2);
  }

  void centred(ImVec2 top, const std::string& s, ImU32 colour) {
    if (s.empty()) return;
    const float w = ImGui::CalcTextSize(s.c_str()).x;
    dl_->AddText(ImVec2(top.x - w * 0.5f, top.y), colour, s.c_str());
  }

  // Forward runs left to right, the gradient flows back along the same edges.
  void edge(ImVec2 a, ImVec2 b) {
    dl_->AddLine(ImVec2(a.x + radius_, a.y), ImVec2(b.x - radius_, b.y),
                 ImGui::GetColorU32(ImGuiCol_TextDisabled), 1.5f);
  }

  void extent(float x, float y) {
    max_.x = std::max(max_.x, x);
    max_.y = std::max(max_.y, y);
  }

  UiContext& ui_;
  GraphViewState& st_;
  const bp::Network& net_;
  const bp::Loss& loss_;
  const bp::Trace& tr_;
  Reveal reveal_;
  ImDrawList* dl_;
  ImVec2 origin_, max_{0, 0};
  float avail_w_ = 0;  // the child window's width
  float line_ = 0, radius_ = 0, number_w_ = 0, col_ = 0, row_ = 0;
};

}  // namespace

void draw_graph_view(UiContext& ui, GraphViewState& st) {
  if (ui.lab.train_set().size() == 0) {
    ImGui::TextWrapped("No training samples: add points on the output map or pick a data set.");
    return;
  }
  const lab::Inspector& in = ui.lab.inspector();
  draw_inspector_steps(ui);
  ImGui::TextWrapped("Sample %d, parameter %s (choose both in the Inspector tab).", in.sample() + 1,
                     in.weight_name().c_str());
  ImGui::TextColored(ImColor(kForwardColour), "above: forward value (w·y, θ, y, E)");
  ImGui::TextColored(ImColor(kBackwardColour), "below: gradient ∂E/∂(node): δ at × and +, ∂E/∂y at f");
  ImGui::TextDisabled("grey: the local rule's factor on the way down");
  help_marker("The chain rule as a graph: each gate multiplies the gradient arriving from E by its "
              "local derivative. + passes the gradient on, × multiplies it by its other input, f "
              "multiplies it by f′(θ). Above a hidden unit, Σ sums the paths through the next "
              "layer (∂E/∂y_j = Σ_k w_kj·δ_k): click it to expand them.");
  ImGui::BeginChild("graph", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  GraphPainter painter(ui, st, in.trace());
  painter.draw_path();
  // The drawn area sets the scroll range.
  ImGui::SetCursorScreenPos(painter.origin());
  ImGui::Dummy(painter.size());
  ImGui::EndChild();
}

nlohmann::json graph_state_json(const lab::Lab& lab, const GraphViewState& state) {
  if (lab.train_set().size() == 0) return nullptr;
  const lab::Inspector& in = lab.inspector();
  const bp::ParamPath path =
      bp::param_path(in.network(), lab.trainer().loss(), in.trace(), in.param_index());
  nlohmann::json gates = nlohmann::json::array();
  const auto gate = [](const Gate& g) {
    return nlohmann::json{{"kind", gate_name(g.kind)}, {"layer", g.layer},  {"unit", g.unit},
                          {"value", g.value},          {"grad", g.grad},    {"grad_out", g.grad_out},
                          {"local", g.has_local ? nlohmann::json(g.local) : nlohmann::json()}};
  };
  for (const Gate& g : path.gates) gates.push_back(gate(g));
  nlohmann::json j = {{"param", in.weight_name()},
                      {"gradient", path.gates.front().grad_out},
                      {"gates", gates},
                      {"expanded", state.expanded}};
  if (path.reaches_loss)
    j["loss"] = gate(path.loss);
  else
    j["sum"] = {{"layer", path.above.layer}, {"unit", path.above.unit}, {"dE_dy", path.above.dE_dy}};
  return j;
}

}  // namespace bplab
