#include "shortcuts_window.h"

#include "imgui.h"
#include "item_registry.h"

namespace bplab {
namespace {

struct Shortcut {
  const char* keys;
  const char* action;
};

// The one list of the lab's keys; keyboard_nav.cpp, handle_play_shortcut (controls_panel.cpp)
// and web/shell/a11y_layer.js implement them.
constexpr Shortcut kShortcuts[] = {
    {"Tab, Shift+Tab", "In the page: move between the lab's canvas and the lesson's buttons "
                       "beside it (they show while focused)."},
    {"Escape, then Tab", "Leave the lab's canvas for the rest of the page."},
    {"F6, Shift+F6", "Next / previous panel."},
    {"Arrow keys", "Move the focus rectangle between the controls of a panel."},
    {"Space", "While the focus rectangle shows: press the focused control (a slider then follows "
              "the arrow keys; Shift: faster, Ctrl: finer). Otherwise: Play / Pause."},
    {"Enter", "Type a number into the focused slider or field; Enter again applies it."},
    {"Escape", "Cancel typing, or hide the focus rectangle (Space is then Play / Pause again)."},
    {"Page Up, Page Down", "Scroll the focused panel."},
    {"Ctrl+click", "Type a number into a slider (mouse)."},
    {"F1", "Open or close this list."},
};

}  // namespace

void ShortcutsWindow::handle_key() {
  if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_F1, false)) toggle();
}

void ShortcutsWindow::draw() {
  if (!open_) return;
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(d.x / 2, d.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
  if (ImGui::Begin("Keyboard", &open_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings) &&
      ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("Keys", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
    ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthStretch);
    for (const Shortcut& s : kShortcuts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.keys);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", s.action);
    }
    ImGui::EndTable();
    item_registry::record("Keyboard shortcuts");
  }
  ImGui::End();
}

}  // namespace bplab
