#include "item_registry.h"

#include <unordered_map>
#include <utility>

#include "imgui.h"

namespace bplab::item_registry {
namespace {

using RectMap = std::unordered_map<std::string, ItemRect>;

RectMap& pending() {
  static RectMap rects;
  return rects;
}

RectMap& published() {
  static RectMap rects;
  return rects;
}

}  // namespace

void record(const char* label) {
  // In the frame a window appears, ImGui lays it out unseen (an auto-resizing popup is hidden,
  // then placed once its size is known): its items are not yet where a click would find them.
  if (ImGui::IsWindowAppearing()) return;
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  pending()[label] = ItemRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

void end_frame() {
  published() = std::move(pending());
  pending().clear();
}

std::optional<ItemRect> find(const std::string& label) {
  const auto it = published().find(label);
  if (it == published().end()) return std::nullopt;
  return it->second;
}

}  // namespace bplab::item_registry
