// FrameDamage: which windows of this frame look different from the frame drawn before it, for a
// back buffer that keeps its pixels between frames (the browser's canvas, created with
// preserveDrawingBuffer). Clearing and drawing only those windows leaves the same picture as
// drawing everything. A software rasteriser spends most of a frame filling pixels, and while the
// lab trains the controls and (between its redraws, ~10 a second) the output map stay as they
// are; a paused lab that nobody touches draws nothing at all, and the browser then composites
// nothing either.
//
// A window is compared by its draw lists (vertices, indices, commands) and the textures they
// show: whoever changes the pixels of a texture shown under the same id calls texture_changed().
// When only some vertices changed (same indices and commands: a number rewritten with as many
// digits, a button's hover colour), only the rectangle around the triangles that use them is
// cleared and drawn: everything inside it is drawn again from the window's lists, and nothing
// outside it changed. A live value in a large panel then costs its own few pixels, not the panel's.
// Everything is drawn when the comparison cannot be trusted: the first frame, a new display size,
// windows that appeared, vanished or moved, a popup or tooltip over the panels, or drawing outside
// any window (ImGui's foreground list: the lesson highlight, a modal's dimming).
#pragma once
#include <imgui.h>

#include <unordered_map>
#include <vector>

struct ImRect;  // imgui_internal.h

namespace bplab {

struct Redraw {
  struct Part {
    // The rectangle to clear and draw, display coordinates: the window's, or the part of it where
    // something changed. The lists are drawn clipped to it.
    ImVec2 min, max;
    std::vector<ImDrawList*> lists;    // the window's draw lists, its child windows' included
  };
  bool everything = true;
  std::vector<Part> parts;  // when !everything: the windows to clear and draw (perhaps none)
};

class FrameDamage {
 public:
  // Compares this frame's draw data with the last one compared, and remembers this one.
  Redraw compare(const ImDrawData& data);
  // The next comparison draws everything (the back buffer's content was lost).
  void invalidate() { copies_.clear(); }

 private:
  struct Copy {
    std::vector<ImDrawVert> vtx;
    std::vector<ImDrawIdx> idx;
    std::vector<ImDrawCmd> cmd;
  };
  struct Placed {
    ImGuiID window;
    ImVec2 min, max;  // of its root window
    bool operator==(const Placed& o) const;
  };
  // What changed in a window's list since the last frame: nothing, all of it, or what lies
  // within a box (display coordinates).
  enum class Change { kNone, kBox, kAll };
  Change compare_and_remember(ImGuiID window, const ImDrawList& list, bool textures_changed,
                              ImRect* box);

  std::unordered_map<ImGuiID, Copy> copies_;
  std::vector<Placed> layout_;
  ImVec2 display_{0, 0};
};

// Records that the pixels of texture `id` changed; the next FrameDamage::compare redraws every
// window that shows it.
void texture_changed(ImTextureID id);

}  // namespace bplab
