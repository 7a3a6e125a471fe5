#include "frame_damage.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace bplab {
namespace {

std::vector<ImTextureID> g_changed_textures;

// A box that holds nothing yet: ImRect::Add grows it to the first point.
constexpr ImRect kEmptyBox(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);

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
                                                     bool textures_changed, ImRect* box) {
  Copy& c = copies_[window];
  bool same_shape = !textures_changed && c.vtx.size() == std::size_t(list.VtxBuffer.Size) &&
                    same_bytes(c.idx, list.IdxBuffer) && c.cmd.size() == std::size_t(list.CmdBuffer.Size);
  for (int i = 0; same_shape && i < list.CmdBuffer.Size; ++i) same_shape = same_cmd(c.cmd[i], list.CmdBuffer[i]);
  if (same_shape && same_bytes(c.vtx, list.VtxBuffer)) return Change::kNone;
  Change change = Change::kAll;
  if (same_shape) {
    // Same triangles, some vertices moved or recoloured: the box around every triangle that uses
    // a changed vertex, where it was and where it is, holds every pixel that can differ.
    std::vector<bool> moved(c.vtx.size());
    for (std::size_t k = 0; k < moved.size(); ++k)
      moved[k] = std::memcmp(&c.vtx[k], &list.VtxBuffer[int(k)], sizeof(ImDrawVert)) != 0;
    *box = kEmptyBox;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      for (unsigned t = 0; t + 2 < cmd.ElemCount; t += 3) {
        std::size_t v[3];
        for (int k = 0; k < 3; ++k) v[k] = cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + t) + k];
        if (!moved[v[0]] && !moved[v[1]] && !moved[v[2]]) continue;
        for (std::size_t k : v) {
          box->Add(c.vtx[k].pos);
          box->Add(list.VtxBuffer[int(k)].pos);
        }
      }
    }
    // A changed vertex that no triangle uses changes no pixel.
    change = box->IsInverted() ? Change::kNone : Change::kBox;
  }
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
  std::vector<ImRect> boxes;        // for kBox: the union of the lists' boxes
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
      boxes.push_back(kEmptyBox);
      out.parts.push_back({root->Pos, max, {}});
    }
    out.parts.back().lists.push_back(const_cast<ImDrawList*>(list));
    ImRect box;
    const Change c = compare_and_remember(id, *list, shows_changed_texture(*list), &box);
    changed.back() = std::max(changed.back(), c);
    if (c == Change::kBox) boxes.back().Add(box);
  }
  out.everything = out.everything || layout != layout_;
  layout_ = std::move(layout);
  std::vector<Redraw::Part> drawn;
  for (std::size_t i = 0; !out.everything && i < out.parts.size(); ++i) {
    if (changed[i] == Change::kNone) continue;
    Redraw::Part& part = out.parts[i];
    if (changed[i] == Change::kBox) {
      // Whole pixels, one more on each side for anti-aliasing fringes, within the window.
      ImRect r(std::floor(boxes[i].Min.x), std::floor(boxes[i].Min.y), std::ceil(boxes[i].Max.x), std::ceil(boxes[i].Max.y));
      r.Expand(1.0f);
      r.ClipWithFull(ImRect(part.min, part.max));
      if (r.Min.x >= r.Max.x || r.Min.y >= r.Max.y) continue;
      part.min = r.Min;
      part.max = r.Max;
    }
    drawn.push_back(std::move(part));
  }
  out.parts = std::move(drawn);
  return out;
}

}  // namespace bplab
