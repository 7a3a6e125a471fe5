#include "notation_window.h"

#include "imgui.h"
#include "item_registry.h"

namespace bplab {
namespace {

struct Symbol {
  const char* symbol;
  const char* meaning;
};

// The one notation of the course (docs/lessons.md, "Notation"); lesson 1 introduces it.
constexpr Symbol kSymbols[] = {
    {"x₁, x₂", "The inputs: the sample's features."},
    {"w1, w2, …", "The weights, named as the lab names them: through the layers, unit by unit "
                  "(Mazur's order). The inspector also writes w_ji: from unit i of the layer below "
                  "to unit j."},
    {"b1.1, b2.1, …", "The biases: b<layer>.<unit>. A bias is the weight of a constant input 1."},
    {"θ = Σ w·y + b", "A unit's net input: its inputs' outputs times their weights, plus its bias."},
    {"y = f(θ)", "A unit's output; f is its activation. The network's output is its output unit's y."},
    {"t", "The target: the answer y should give for a sample."},
    {"e = y − t", "The local error of one sample: > 0 the guess is too high, < 0 too low."},
    {"E", "The loss (loss function, also called cost function): the global error, e.g. E = ½e² for "
          "one sample, the mean of ½e² over a set (half-sse), or cross-entropy (bce)."},
    {"f′(θ)", "The derivative of the activation, e.g. y(1 − y) for the sigmoid."},
    {"δ = ∂E/∂θ", "A unit's delta: how E changes with its net input. ∂E/∂w = δ·y of the unit the "
                  "weight comes from; ∂E/∂b = δ."},
    {"η, μ", "The learning rate and the momentum: w ← w − η·∂E/∂w without momentum."},
    {"unit j, layer l", "Units and layers are counted from 1 wherever you read them; layer 0 is "
                        "the input."},
};

}  // namespace

void NotationWindow::draw() {
  if (!open_) return;
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(d.x / 2, d.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
  if (ImGui::Begin("Notation", &open_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings) &&
      ImGui::BeginTable("notation", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("Symbol", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
    ImGui::TableSetupColumn("Meaning", ImGuiTableColumnFlags_WidthStretch);
    for (const Symbol& s : kSymbols) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.symbol);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", s.meaning);
    }
    ImGui::EndTable();
    item_registry::record("Notation table");
  }
  ImGui::End();
}

}  // namespace bplab
