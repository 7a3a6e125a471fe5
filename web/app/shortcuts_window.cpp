#include "shortcuts_window.h"

#include <iterator>

#include "imgui.h"

namespace bplab {
namespace {

// The one list of the lab's keys; keyboard_nav.cpp, handle_play_shortcut (controls_panel.cpp)
// and web/shell/a11y_layer.js implement them.
constexpr HelpWindow::Row kShortcuts[] = {
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

ShortcutsWindow::ShortcutsWindow()
    : HelpWindow({"Keyboard", "Keys", "Action", 9, 34, kShortcuts, std::size(kShortcuts),
                  "Keyboard shortcuts"}) {}

void ShortcutsWindow::handle_key() {
  if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_F1, false)) toggle();
}

}  // namespace bplab
