#include "ui_scale.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string>

#include "help_marker.h"
#include "imgui.h"
#include "item_registry.h"
#include "platform_services.h"

namespace bplab::ui_scale {
namespace {

constexpr const char* kStorageKey = "bplab-ui-scale";

bool allowed(int percent) { return std::find(std::begin(kPercents), std::end(kPercents), percent) != std::end(kPercents); }

// Read from storage on first use; a stored value that is not a choice is ignored.
int& percent() {
  static int value = [] {
    const std::string stored = platform::storage_get(kStorageKey);
    const int p = stored.empty() ? 100 : std::atoi(stored.c_str());
    return allowed(p) ? p : 100;
  }();
  return value;
}

}  // namespace

float factor() { return percent() / 100.0f; }

bool set_percent(int p) {
  if (!allowed(p)) return false;
  percent() = p;
  platform::storage_set(kStorageKey, std::to_string(p));
  return true;
}

void draw_setting() {
  const std::string current = std::to_string(percent()) + " %";
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::BeginCombo("UI scale", current.c_str())) {
    for (const int p : kPercents) {
      const std::string name = std::to_string(p) + " %";
      if (ImGui::Selectable(name.c_str(), p == percent())) set_percent(p);
      item_registry::record(name.c_str());
    }
    ImGui::EndCombo();
  }
  item_registry::record("UI scale");
  help_marker("Draws the whole lab larger: text, controls and panels, independent of the "
              "screen's own zoom. Kept for your next visit.");
}

}  // namespace bplab::ui_scale
