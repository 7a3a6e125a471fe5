#include "frame_damage.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

namespace bplab {
namespace {

std::vector<ImTextureID> g_changed_textures;

bool same_cmd(const ImDrawCmd& a, const ImDrawCmd& b) {
  return a.ClipRect.x == b.ClipRect.x && a.ClipRect.y == b.ClipRect.y && a.ClipRect.z == b.ClipRect.z &&
         a.ClipRect.w == b.ClipRect.w && a.TextureId == b.TextureId && a.VtxOffset == b.VtxOffset &&
         a.IdxOffset == b.IdxOffset && a.ElemCount == b.ElemCount && a.UserCallback == b.UserCallback &&
         a.UserCallbackData == b.UserCallbackData;
}

template <typename T>
bool same_bytes(const std::vector<T>& copy, const ImVector<T>& now) {
  return copy.size() == std::size_t(now.Size) &&
         (now.Size == 0 || std::memcmp(copy.data(), now.Data, sizeof(T) * copy.size()) == 0);
}

// The window that owns each draw list of this frame.
std::unordered_map<const ImDrawList*, ImGuiWindow*> owners() {
  std::unordered_map<const ImDrawList*, ImGuiWindow*> out;
  for (ImGuiWindow* w : GImGui->Windows)
    if (w->Active && !w->Hidden) out[w->DrawList] = w;
  return out;
}

}  // namespace

void texture_changed(ImTextureID id) { g_changed_textures.push_back(id); }

bool FrameDamage::Placed::operator==(const Placed& o) const {
  return window == o.window && min.x == o.min.x && min.y == o.min.y && max.x == o.max.x &&
         max.y == o.max.y;
}

bool FrameDamage::changed_and_remembered(ImGuiID window, const ImDrawList& list,
                                         bool textures_changed) {
  Copy& c = copies_[window];
  bool same = !textures_changed && same_bytes(c.vtx, list.VtxBuffer) && same_bytes(c.idx, list.IdxBuffer) &&
              c.cmd.size() == std::size_t(list.CmdBuffer.Size);
  for (int i = 0; same && i < list.CmdBuffer.Size; ++i) same = same_cmd(c.cmd[i], list.CmdBuffer[i]);
  if (same) return false;
  c.vtx.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
  c.idx.assign(list.IdxBuffer.begin(), list.IdxBuffer.end());
  c.cmd.assign(list.CmdBuffer.begin(), list.CmdBuffer.end());
  return true;
}

Redraw FrameDamage::compare(const ImDrawData& data) {
  const std::vector<ImTextureID> changed_textures = std::move(g_changed_textures);
  g_changed_textures.clear();
  const auto shows_changed_texture = [&](const ImDrawList& list) {
    for (const ImDrawCmd& cmd : list.CmdBuffer)
      if (std::find(changed_textures.begin(), changed_textures.end(), cmd.TextureId) != changed_textures.end())
        return true;
    return false;
  };

  Redraw out;
  out.everything = copies_.empty() || data.DisplaySize.x != display_.x || data.DisplaySize.y != display_.y;
  display_ = data.DisplaySize;
  const auto owner = owners();
  std::vector<Placed> layout;
  std::vector<ImGuiWindow*> roots;  // the root window of each part, in drawing order
  std::vector<bool> changed;        // whether any list of each part changed
  for (const ImDrawList* list : data.CmdLists) {
    const auto found = owner.find(list);
    ImGuiWindow* root = found == owner.end() ? nullptr : found->second->RootWindow;
    if (root == nullptr || (root->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) != 0) {
      out.everything = true;
      continue;
    }
    const ImGuiID id = found->second->ID;
    const ImVec2 max(root->Pos.x + root->Size.x, root->Pos.y + root->Size.y);
    layout.push_back({id, root->Pos, max});
    if (roots.empty() || roots.back() != root) {
      roots.push_back(root);
      changed.push_back(false);
      out.parts.push_back({root->Pos, max, {}});
    }
    out.parts.back().lists.push_back(const_cast<ImDrawList*>(list));
    if (changed_and_remembered(id, *list, shows_changed_texture(*list))) changed.back() = true;
  }
  out.everything = out.everything || layout != layout_;
  layout_ = std::move(layout);
  std::vector<Redraw::Part> drawn;
  for (std::size_t i = 0; !out.everything && i < out.parts.size(); ++i)
    if (changed[i]) drawn.push_back(std::move(out.parts[i]));
  out.parts = std::move(drawn);
  return out;
}

}  // namespace bplab
