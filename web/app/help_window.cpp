#include "help_window.h"

#include "imgui.h"
#include "item_registry.h"
#include "wrapped_text.h"

namespace bplab {

void HelpWindow::draw() {
  if (!open_) return;
  const Content& c = content_;
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(d.x / 2, d.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(em * c.width_em, 0), ImGuiCond_Appearing);
  if (ImGui::Begin(c.title, &open_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings) &&
      ImGui::BeginTable(c.title, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn(c.left_header, ImGuiTableColumnFlags_WidthFixed, em * c.left_em);
    ImGui::TableSetupColumn(c.right_header, ImGuiTableColumnFlags_WidthStretch);
    for (std::size_t k = 0; k < c.count; ++k) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.rows[k].left);
      ImGui::TableNextColumn();
      text_wrapped(c.rows[k].right);
    }
    ImGui::EndTable();
    item_registry::record(c.record_label);
  }
  ImGui::End();
}

}  // namespace bplab
