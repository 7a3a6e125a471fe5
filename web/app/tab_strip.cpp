#include "tab_strip.h"

#include <algorithm>
#include <cstring>

#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"

namespace bplab {

namespace {

// The next button goes on the row of the last one when it fits.
void next_in_row(const char* label, bool first) {
  if (!first) same_line_if_fits(ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x);
}

}  // namespace

void TabStrip::draw(const std::vector<Tab>& tabs, const std::vector<Action>& actions, const char* request) {
  if (tabs.empty()) return;
  const auto has = [&tabs](const char* name) {
    return std::any_of(tabs.begin(), tabs.end(), [name](const Tab& t) { return std::strcmp(t.name, name) == 0; });
  };
  if (request && has(request)) selected_ = request;
  if (!has(selected_.c_str())) selected_ = tabs.front().name;

  bool first = true;
  const Tab* shown = nullptr;
  for (const Tab& t : tabs) {
    next_in_row(t.name, first);
    first = false;
    const bool on = selected_ == t.name;
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(on ? ImGuiCol_TabActive : ImGuiCol_Tab));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_TabHovered));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::GetStyleColorVec4(ImGuiCol_TabActive));
    if (ImGui::Button(t.name)) selected_ = t.name;
    ImGui::PopStyleColor(3);
    item_registry::record(t.name);
    if (selected_ == t.name) shown = &t;
  }
  for (const Action& a : actions) {
    next_in_row(a.name, first);
    if (ImGui::Button(a.name)) a.pressed();
    item_registry::record(a.name);
    ImGui::SetItemTooltip("%s", a.tooltip);
  }
  ImGui::Separator();
  if (shown) shown->contents();
}

}  // namespace bplab
