#include "lab_app.h"

#include <cstdio>

#include "activation.h"
#include "imgui.h"
#include "item_registry.h"
#include "lab_font.h"

namespace bplab {
namespace {

constexpr float kFontSizePx = 17.0f;

// Draws a checkbox and records its rectangle under its label, so tests can click it.
bool named_checkbox(const char* label, bool* value) {
  const bool changed = ImGui::Checkbox(label, value);
  item_registry::record(label);
  return changed;
}

void draw_activation_table(bool show_formulas) {
  const int columns = show_formulas ? 3 : 1;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("activations", columns, flags)) return;
  ImGui::TableSetupColumn("activation");
  if (show_formulas) {
    ImGui::TableSetupColumn("f");
    ImGui::TableSetupColumn("df");
  }
  ImGui::TableHeadersRow();
  for (const bp::Activation& a : bp::activations()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(a.name);
    if (show_formulas) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.f_formula);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.df_formula);
    }
  }
  ImGui::EndTable();
}

}  // namespace

void LabApp::init(const Options& options) {
  ImGui::StyleColorsDark();
  ImGui::GetStyle().WindowRounding = 4.0f;
  load_lab_font(options.font_path, kFontSizePx, options.pixel_ratio);
}

void LabApp::frame() {
  ++frame_;
  ImGui::SetNextWindowPos(ImVec2(24, 24), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(640, 380), ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Backprop Lab")) {
    ImGui::TextUnformatted("Backpropagation, one weight at a time: w ← w − η ∂E/∂w");
    ImGui::TextUnformatted("Notation: θ (net input), η (learning rate), μ (momentum), Σ (sum), x₁ x²");
    ImGui::Separator();
    named_checkbox("Show formulas", &show_formulas_);
    draw_activation_table(show_formulas_);
    ImGui::Text("%.0f fps", ImGui::GetIO().Framerate);
  }
  ImGui::End();
  item_registry::end_frame();
}

std::string LabApp::state_json() const {
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, R"({"frame":%ld,"fps":%.1f,"showFormulas":%s})", frame_,
                ImGui::GetIO().Framerate, show_formulas_ ? "true" : "false");
  return buffer;
}

}  // namespace bplab
