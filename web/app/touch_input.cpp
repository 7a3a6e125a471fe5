#include "touch_input.h"

#include <cmath>
#include <optional>

#include "help_marker.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "item_registry.h"

namespace bplab::touch_input {
namespace {

// How far a finger moves before a drag counts as one (display units): a tap wobbles a little.
constexpr float kDragSlop = 8.0f;
// The lab's text fields, by the labels they are recorded under (item_registry).
const char* const kTextFields[] = {"Answer", "Seed", "File path", "Lesson file"};

struct Drag {
  ImGuiWindow* window = nullptr;  // the panel the finger came down on
  ImVec2 start;
  bool decided = false;  // past the slop: a scroll, or the item's own drag
  bool scrolling = false;
};
Drag g_drag;

struct TypeTarget {
  ImGuiID id = 0;  // the slider a finger last touched; 0: none
  ImGuiWindow* window = nullptr;
};
TypeTarget g_target;
std::optional<ItemRect> g_button_rect, g_pending_button_rect;

// The window a vertical drag scrolls: the one under the finger, or the first of its parents that
// can scroll (a child region with nothing to scroll passes the drag on, as a browser does).
ImGuiWindow* scrollable(ImGuiWindow* w) {
  while (w != nullptr && w->ScrollMax.y <= 0 && (w->Flags & ImGuiWindowFlags_ChildWindow)) w = w->ParentWindow;
  return w;
}

bool slider_active(const ImGuiContext& g) {
  return g.ActiveId != 0 && (g.ActiveIdUsingNavDirMask & (1 << ImGuiDir_Left));
}

bool inside(const ItemRect& r, float x, float y) { return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h; }

void follow_drag(ImGuiContext& g) {
  const ImGuiIO& io = g.IO;
  if (io.MouseClicked[0]) g_drag = {scrollable(g.HoveredWindow), io.MousePos};
  if (!io.MouseDown[0] || g_drag.window == nullptr) {
    g_drag = {};
    return;
  }
  if (!g_drag.decided) {
    const ImVec2 moved(io.MousePos.x - g_drag.start.x, io.MousePos.y - g_drag.start.y);
    if (std::abs(moved.x) < kDragSlop && std::abs(moved.y) < kDragSlop) return;
    g_drag.decided = true;
    g_drag.scrolling = std::abs(moved.y) > std::abs(moved.x) && !slider_active(g);
    if (!g_drag.scrolling) return;
    ImGui::ClearActiveID();
    ImGui::SetScrollY(g_drag.window, g_drag.window->Scroll.y - moved.y);
    return;
  }
  if (g_drag.scrolling) ImGui::SetScrollY(g_drag.window, g_drag.window->Scroll.y - io.MouseDelta.y);
}

// A finger that makes a slider active makes it the "Type" button's target; a finger that comes
// down anywhere else (but on the button) clears it.
void follow_type_target(const ImGuiContext& g) {
  const ImGuiIO& io = g.IO;
  if (io.MouseSource != ImGuiMouseSource_TouchScreen) {
    g_target = {};
    return;
  }
  if (slider_active(g) && g.TempInputId != g.ActiveId) g_target = {g.ActiveId, g.ActiveIdWindow};
  const bool on_button = g_button_rect && inside(*g_button_rect, io.MousePos.x, io.MousePos.y);
  if (io.MouseClicked[0] && !on_button && !slider_active(g)) g_target = {};
  // Typing has begun: the button's work is done.
  if (g_target.id != 0 && g.TempInputId == g_target.id) g_target = {};
}

}  // namespace

void begin_frame() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  g_button_rect = g_pending_button_rect;
  g_pending_button_rect.reset();
  if (g.IO.MouseSource == ImGuiMouseSource_TouchScreen)
    follow_drag(g);
  else
    g_drag = {};
  follow_type_target(g);
}

void draw_type_button() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g_target.id == 0 || g_target.window == nullptr || !g_target.window->WasActive) return;
  // The slider's place as the navigation recorded it when the finger made it active.
  const ImRect slider = ImGui::WindowRectRelToAbs(g_target.window, g_target.window->NavRectRel[0]);
  const ImVec2 size(ImGui::CalcTextSize("Type").x + g.Style.FramePadding.x * 2 + g.Style.WindowPadding.x * 2,
                    ImGui::GetFrameHeight() + g.Style.WindowPadding.y * 2);
  // Above the slider's right end, where the finger that moved it does not cover it; below
  // when the slider is at the top of the display.
  const float y = slider.Min.y - size.y >= 0 ? slider.Min.y - size.y : slider.Max.y;
  ImGui::SetNextWindowPos(ImVec2(std::max(0.0f, slider.Max.x - size.x), y), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav;
  if (ImGui::Begin("##type value", nullptr, flags)) {
    // Above the panel the finger just focused, which ImGui brought to the front.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    if (named_button("Type")) {
      // What Enter does to a slider with the keyboard focus, and Ctrl+click with a mouse.
      g.NavNextActivateId = g_target.id;
      g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    g_pending_button_rect = ItemRect{min.x, min.y, max.x - min.x, max.y - min.y};
  }
  ImGui::End();
}

bool opens_typing_at(float x, float y) {
  if (g_button_rect && inside(*g_button_rect, x, y)) return true;
  for (const char* label : kTextFields)
    if (const auto r = item_registry::find(label); r && inside(*r, x, y)) return true;
  return false;
}

}  // namespace bplab::touch_input
