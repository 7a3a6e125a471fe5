#include "frame_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace bplab {
namespace {

// Boxes of changed triangles closer than this join into one rectangle: each rectangle costs a
// clear and a pass over the window's triangles.
constexpr float kJoinGap = 16.0f;
// At most this many rectangles per window; then the nearest join.
constexpr int kMaxRectsPerWindow = 4;
// Beyond this many unmatched triangles the window is drawn whole: finding the match costs
// O(D²) and the rectangles would cover most of it anyway.
constexpr std::size_t kMaxUnmatched = 512;

// One triangle of a draw list: its vertices and the command that draws it.
struct Triangle {
  const ImDrawVert* v[3];
  const ImDrawCmd* cmd;
};

// The triangles of a list in drawing order, from its (possibly copied) buffers.
void triangles_of(const ImDrawVert* vtx, const ImDrawIdx* idx, const ImDrawCmd* cmds, int ncmd,
                  std::vector<Triangle>* out) {
  out->clear();
  for (int c = 0; c < ncmd; ++c)
    for (unsigned t = 0; t + 2 < cmds[c].ElemCount; t += 3)
      out->push_back({{&vtx[cmds[c].VtxOffset + idx[cmds[c].IdxOffset + t]],
                       &vtx[cmds[c].VtxOffset + idx[cmds[c].IdxOffset + t + 1]],
                       &vtx[cmds[c].VtxOffset + idx[cmds[c].IdxOffset + t + 2]]},
                      &cmds[c]});
}

// The pixels a triangle can touch: its bounding box within its command's clip rectangle.
Box reach(const ImDrawVert* const v[3], const ImDrawCmd& cmd) {
  const ImVec2 a = v[0]->pos, b = v[1]->pos, c = v[2]->pos;
  const Box box{std::min({a.x, b.x, c.x}), std::min({a.y, b.y, c.y}), std::max({a.x, b.x, c.x}),
                     std::max({a.y, b.y, c.y})};
  return box.clipped({cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w});
}

// Whether two commands draw with the same clip rectangle and texture.
bool same_clip_and_texture(const ImDrawCmd& a, const ImDrawCmd& b) {
  return a.ClipRect.x == b.ClipRect.x && a.ClipRect.y == b.ClipRect.y && a.ClipRect.z == b.ClipRect.z &&
         a.ClipRect.w == b.ClipRect.w && a.TextureId == b.TextureId;
}

bool same_triangle(const Triangle& a, const Triangle& b) {
  for (int k = 0; k < 3; ++k)
    if (std::memcmp(a.v[k], b.v[k], sizeof(ImDrawVert)) != 0) return false;
  return same_clip_and_texture(*a.cmd, *b.cmd);
}

bool same_cmd(const ImDrawCmd& a, const ImDrawCmd& b) {
  return same_clip_and_texture(a, b) && a.VtxOffset == b.VtxOffset && a.IdxOffset == b.IdxOffset &&
         a.ElemCount == b.ElemCount && a.UserCallback == b.UserCallback &&
         a.UserCallbackData == b.UserCallbackData;
}

// Narrows a command's clip rectangle to `rect`: only the rectangle that was cleared is drawn
// again, and a blended pixel outside it would be blended twice.
void clip_to(ImDrawCmd* cmd, const Box& rect) {
  cmd->ClipRect = ImVec4(std::max(cmd->ClipRect.x, rect.x0), std::max(cmd->ClipRect.y, rect.y0),
                         std::min(cmd->ClipRect.z, rect.x1), std::min(cmd->ClipRect.w, rect.y1));
}

template <typename T>
bool same_bytes(const std::vector<T>& copy, const ImVector<T>& now) {
  return copy.size() == std::size_t(now.Size) &&
         (now.Size == 0 || std::memcmp(copy.data(), now.Data, sizeof(T) * copy.size()) == 0);
}

}  // namespace

bool FrameDamage::Placed::operator==(const Placed& o) const {
  return window == o.window && min.x == o.min.x && min.y == o.min.y && max.x == o.max.x &&
         max.y == o.max.y;
}

FrameDamage::Change FrameDamage::compare_and_remember(ImGuiID window, const ImDrawList& list,
                                                     bool textures_changed, DamageBoxes* boxes) {
  Copy& c = copies_[window];
  const bool same_cmds = c.cmd.size() == std::size_t(list.CmdBuffer.Size) &&
                         std::equal(c.cmd.begin(), c.cmd.end(), list.CmdBuffer.begin(), same_cmd);
  const bool same_shape =
      same_cmds && c.vtx.size() == std::size_t(list.VtxBuffer.Size) && same_bytes(c.idx, list.IdxBuffer);
  // triangles_within() cannot copy callbacks, nor address more vertices than 16-bit indices can.
  bool copyable = list.VtxBuffer.Size <= 0xFFFF;
  for (const ImDrawCmd& cmd : list.CmdBuffer) copyable = copyable && cmd.UserCallback == nullptr;
  Change change = Change::kAll;
  if (same_shape && same_bytes(c.vtx, list.VtxBuffer)) {
    change = textures_changed ? Change::kAll : Change::kNone;
  } else if (!textures_changed && copyable) {
    std::vector<Triangle> before, now;
    triangles_of(c.vtx.data(), c.idx.data(), c.cmd.data(), int(c.cmd.size()), &before);
    triangles_of(list.VtxBuffer.Data, list.IdxBuffer.Data, list.CmdBuffer.Data, list.CmdBuffer.Size, &now);
    if (same_shape) {
      // Same triangles, some vertices moved or recoloured: where each changed triangle was and is.
      for (std::size_t t = 0; t < now.size(); ++t) {
        if (same_triangle(before[t], now[t])) continue;
        boxes->add(reach(before[t].v, *before[t].cmd));
        boxes->add(reach(now[t].v, *now[t].cmd));
      }
      change = Change::kBoxes;
    } else if (diff_.run(before.size(), now.size(),
                         [&](std::size_t i, std::size_t j) { return same_triangle(before[i], now[j]); },
                         kMaxUnmatched)) {
      // Triangles gone and triangles new; the rest are drawn in the same order as before.
      for (std::size_t t = 0; t < before.size(); ++t)
        if (!diff_.a_kept[t]) boxes->add(reach(before[t].v, *before[t].cmd));
      for (std::size_t t = 0; t < now.size(); ++t)
        if (!diff_.b_kept[t]) boxes->add(reach(now[t].v, *now[t].cmd));
      change = Change::kBoxes;
    }
  }
  c.vtx.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
  c.idx.assign(list.IdxBuffer.begin(), list.IdxBuffer.end());
  c.cmd.assign(list.CmdBuffer.begin(), list.CmdBuffer.end());
  return change;
}

ImDrawList* FrameDamage::triangles_within(const ImDrawList& list, const Box& rect) {
  if (copies_used_ == copies_drawn_.size())
    copies_drawn_.push_back(std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData()));
  ImDrawList& out = *copies_drawn_[copies_used_++];
  out.CmdBuffer.resize(0);
  out.IdxBuffer.resize(0);
  out.VtxBuffer.resize(0);
  remap_.assign(std::size_t(list.VtxBuffer.Size), -1);
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    ImDrawCmd kept = cmd;
    clip_to(&kept, rect);
    if (kept.ClipRect.x >= kept.ClipRect.z || kept.ClipRect.y >= kept.ClipRect.w) continue;
    kept.VtxOffset = 0;
    kept.IdxOffset = unsigned(out.IdxBuffer.Size);
    for (unsigned t = 0; t + 2 < cmd.ElemCount; t += 3) {
      const ImDrawVert* v[3];
      unsigned at[3];
      for (int k = 0; k < 3; ++k) {
        at[k] = cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + t) + k];
        v[k] = &list.VtxBuffer[int(at[k])];
      }
      if (!reach(v, kept).overlaps(rect)) continue;
      for (unsigned a : at) {
        if (remap_[a] < 0) {
          remap_[a] = out.VtxBuffer.Size;
          out.VtxBuffer.push_back(list.VtxBuffer[int(a)]);
        }
        out.IdxBuffer.push_back(ImDrawIdx(remap_[a]));
      }
    }
    kept.ElemCount = unsigned(out.IdxBuffer.Size) - kept.IdxOffset;
    if (kept.ElemCount > 0) out.CmdBuffer.push_back(kept);
  }
  return &out;
}

Redraw FrameDamage::compare_and_clip(ImDrawData* frame, const std::vector<DrawnWindow>& windows,
                                     const std::vector<ImTextureID>& changed_textures) {
  const auto shows_changed_texture = [&](const ImDrawList& list) {
    for (const ImDrawCmd& cmd : list.CmdBuffer)
      if (std::find(changed_textures.begin(), changed_textures.end(), cmd.TextureId) != changed_textures.end())
        return true;
    return false;
  };
  std::unordered_map<const ImDrawList*, const DrawnWindow*> owner;
  for (const DrawnWindow& w : windows) owner[w.list] = &w;

  Redraw out;
  out.everything = copies_.empty() || frame->DisplaySize.x != display_.x || frame->DisplaySize.y != display_.y;
  display_ = frame->DisplaySize;
  copies_used_ = 0;
  std::vector<Placed> layout;
  std::vector<ImGuiID> roots;          // the root window of each part, in drawing order
  std::vector<Change> changed;         // what changed in the lists of each part
  std::vector<DamageBoxes> boxes;      // for kBoxes: around the changed triangles of its lists
  for (ImDrawList* list : frame->CmdLists) {
    const auto found = owner.find(list);
    if (found == owner.end() || found->second->overlay) {
      out.everything = true;
      continue;
    }
    const DrawnWindow& w = *found->second;
    layout.push_back({w.id, w.root_min, w.root_max});
    if (roots.empty() || roots.back() != w.root) {
      roots.push_back(w.root);
      changed.push_back(Change::kNone);
      boxes.emplace_back(kJoinGap);
      out.parts.push_back({w.root_min, w.root_max, {}});
    }
    out.parts.back().lists.push_back(list);
    const Change c = compare_and_remember(w.id, *list, shows_changed_texture(*list), &boxes.back());
    changed.back() = std::max(changed.back(), c);
  }
  out.everything = out.everything || layout != layout_;
  layout_ = std::move(layout);
  std::vector<Redraw::Part> drawn;
  for (std::size_t i = 0; !out.everything && i < out.parts.size(); ++i) {
    Redraw::Part& part = out.parts[i];
    const Box window{part.min.x, part.min.y, part.max.x, part.max.y};
    if (changed[i] == Change::kAll) {
      for (ImDrawList* list : part.lists)
        for (ImDrawCmd& cmd : list->CmdBuffer) clip_to(&cmd, window);
      drawn.push_back(std::move(part));
      continue;
    }
    // Whole pixels, one more on each side for anti-aliasing fringes, within the window. A changed
    // vertex that no triangle uses changes no pixel and adds no box.
    for (const Box& r : boxes[i].finish(1.0f, window, kMaxRectsPerWindow)) {
      Redraw::Part box{ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), {}};
      for (ImDrawList* list : part.lists) {
        // A list with nothing to draw is left out: the backend would still upload its empty
        // buffers, and in Chromium those cost the GPU process more than drawing (~10 ms a frame).
        ImDrawList* within = triangles_within(*list, r);
        if (!within->CmdBuffer.empty()) box.lists.push_back(within);
      }
      drawn.push_back(std::move(box));
    }
  }
  out.parts = std::move(drawn);
  return out;
}

}  // namespace bplab
