#include "frame_damage.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
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

FrameDamage::Change FrameDamage::compare_and_remember(ImGuiID window, const ImDrawList& list,
                                                     bool textures_changed, ImVec2* box_min,
                                                     ImVec2* box_max) {
  Copy& c = copies_[window];
  bool same_shape = !textures_changed && c.vtx.size() == std::size_t(list.VtxBuffer.Size) &&
                    same_bytes(c.idx, list.IdxBuffer) && c.cmd.size() == std::size_t(list.CmdBuffer.Size);
  for (int i = 0; same_shape && i < list.CmdBuffer.Size; ++i) same_shape = same_cmd(c.cmd[i], list.CmdBuffer[i]);
  Change change = same_shape ? Change::kNone : Change::kAll;
  if (same_shape && !same_bytes(c.vtx, list.VtxBuffer)) {
    // Same triangles, some vertices moved or recoloured: the box around every triangle that uses
    // a changed vertex, where it was and where it is, holds every pixel that can differ.
    std::vector<bool> moved(c.vtx.size());
    for (std::size_t k = 0; k < moved.size(); ++k)
      moved[k] = std::memcmp(&c.vtx[k], &list.VtxBuffer[int(k)], sizeof(ImDrawVert)) != 0;
    ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
    const auto extend = [&](const ImVec2& p) {
      lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
      hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
    };
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      for (unsigned t = 0; t + 2 < cmd.ElemCount; t += 3) {
        std::size_t v[3];
        for (int k = 0; k < 3; ++k) v[k] = cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + t) + k];
        if (!moved[v[0]] && !moved[v[1]] && !moved[v[2]]) continue;
        for (std::size_t k : v) {
          extend(c.vtx[k].pos);
          extend(list.VtxBuffer[int(k)].pos);
        }
      }
    }
    if (lo.x <= hi.x) {
      change = Change::kBox;
      *box_min = lo;
      *box_max = hi;
    }
  }
  if (change == Change::kNone && same_bytes(c.vtx, list.VtxBuffer)) return change;
  c.vtx.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
  c.idx.assign(list.IdxBuffer.begin(), list.IdxBuffer.end());
  c.cmd.assign(list.CmdBuffer.begin(), list.CmdBuffer.end());
  return change;
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
  std::vector<Change> changed;      // what changed in the lists of each part
  std::vector<ImVec2> box_min, box_max;  // for kBox: the union of the lists' boxes
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
      changed.push_back(Change::kNone);
      box_min.push_back(ImVec2(FLT_MAX, FLT_MAX));
      box_max.push_back(ImVec2(-FLT_MAX, -FLT_MAX));
      out.parts.push_back({root->Pos, max, {}});
    }
    out.parts.back().lists.push_back(const_cast<ImDrawList*>(list));
    ImVec2 lo, hi;
    const Change c = compare_and_remember(id, *list, shows_changed_texture(*list), &lo, &hi);
    changed.back() = std::max(changed.back(), c);
    if (c == Change::kBox) {
      box_min.back() = ImVec2(std::min(box_min.back().x, lo.x), std::min(box_min.back().y, lo.y));
      box_max.back() = ImVec2(std::max(box_max.back().x, hi.x), std::max(box_max.back().y, hi.y));
    }
  }
  out.everything = out.everything || layout != layout_;
  layout_ = std::move(layout);
  std::vector<Redraw::Part> drawn;
  for (std::size_t i = 0; !out.everything && i < out.parts.size(); ++i) {
    if (changed[i] == Change::kNone) continue;
    Redraw::Part& part = out.parts[i];
    if (changed[i] == Change::kBox) {
      // Whole pixels, one more on each side for anti-aliasing fringes, within the window.
      part.min = ImVec2(std::max(part.min.x, std::floor(box_min[i].x) - 1), std::max(part.min.y, std::floor(box_min[i].y) - 1));
      part.max = ImVec2(std::min(part.max.x, std::ceil(box_max[i].x) + 1), std::min(part.max.y, std::ceil(box_max[i].y) + 1));
      if (part.min.x >= part.max.x || part.min.y >= part.max.y) continue;
    }
    drawn.push_back(std::move(part));
  }
  out.parts = std::move(drawn);
  return out;
}

}  // namespace bplab
