#include "keyboard_nav.h"

#include <algorithm>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

namespace bplab {
namespace {

// The panels F6 visits: root windows drawn this frame that navigation may focus (no popups,
// tooltips or child windows), sorted by position so that F6 reads the screen like a page.
std::vector<ImGuiWindow*> panels_in_reading_order() {
  std::vector<ImGuiWindow*> panels;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->WindowsFocusOrder)
    if (w->RootWindow == w && ImGui::IsWindowNavFocusable(w) &&
        !(w->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_ChildWindow)))
      panels.push_back(w);
  std::sort(panels.begin(), panels.end(), [](const ImGuiWindow* a, const ImGuiWindow* b) {
    return a->Pos.x != b->Pos.x ? a->Pos.x < b->Pos.x : a->Pos.y < b->Pos.y;
  });
  return panels;
}

}  // namespace

void configure_keyboard_navigation() {
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  g.ConfigNavWindowingKeyNext = 0;
  g.ConfigNavWindowingKeyPrev = 0;
  // ImGui draws the focus as a 2 px outline in this colour: bright amber against the dark theme.
  ImGui::GetStyle().Colors[ImGuiCol_NavHighlight] = ImVec4(1.0f, 0.78f, 0.2f, 1.0f);
}

void handle_panel_switch_keys() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.IO.WantTextInput || g.IO.KeyCtrl || g.IO.KeyAlt || !ImGui::IsKeyPressed(ImGuiKey_F6))
    return;
  // A modal popup (the divergence dialog) keeps the focus until it is answered.
  if (ImGui::GetTopMostPopupModal() != nullptr) return;
  const std::vector<ImGuiWindow*> panels = panels_in_reading_order();
  if (panels.empty()) return;
  const auto current = std::find(panels.begin(), panels.end(), g.NavWindow ? g.NavWindow->RootWindow : nullptr);
  const int n = int(panels.size());
  const int at = current == panels.end() ? (g.IO.KeyShift ? 0 : n - 1) : int(current - panels.begin());
  ImGuiWindow* target = panels[(at + (g.IO.KeyShift ? n - 1 : 1)) % n];
  // What ImGui's own windowing does when it applies a focus (imgui.cpp, NavUpdateWindowing).
  ImGui::ClearActiveID();
  ImGui::NavRestoreHighlightAfterMove();
  ImGui::FocusWindow(target, ImGuiFocusRequestFlags_RestoreFocusedChild);
  if (g.NavWindow != nullptr && g.NavWindow->NavLastIds[0] == 0) ImGui::NavInitWindow(g.NavWindow, false);
}

std::optional<ItemRect> nav_focus_rect() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!g.IO.NavVisible || g.NavWindow == nullptr || g.NavId == 0) return std::nullopt;
  const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
  return ItemRect{r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()};
}

}  // namespace bplab
