// FrameDamage: which windows of this frame look different from the frame drawn before it, for a
// back buffer that keeps its pixels between frames (the browser's canvas, created with
// preserveDrawingBuffer). Clearing and drawing only those windows leaves the same picture as
// drawing everything. A software rasteriser spends most of a frame filling pixels, and while the
// lab trains the controls and (between its redraws, ~10 a second) the output map stay as they
// are; a paused lab that nobody touches draws nothing at all, and the browser then composites
// nothing either.
//
// A window is compared by its draw lists (vertices, indices, commands) and the textures they
// show, of which the frame loop passes those whose pixels changed (texture_changes.h). Where a window changed only in part, only rectangles around the triangles that changed are
// cleared and drawn, with the window's triangles that reach into them: a live number in a large
// panel then costs its own few pixels, and a growing curve the few at its end. The changed
// triangles are those that use a changed vertex when the indices and commands are the same (a
// number rewritten with as many digits, a button's hover colour), and otherwise those left over
// when the old and new triangles are matched in order (SequenceDiff: a curve with new points, a
// longer number). Every pixel outside the rectangles is covered by the same triangles in the same
// order as before, so it stays as it is. Everything is drawn when the comparison cannot be
// trusted: the first frame, a new display size, windows that appeared, vanished or moved, a popup
// or tooltip over the panels, or drawing outside any window (ImGui's foreground list: the lesson
// highlight, a modal's dimming).
#pragma once
#include <imgui.h>

#include <memory>
#include <unordered_map>
#include <vector>

#include "damage_boxes.h"
#include "drawn_windows.h"
#include "sequence_diff.h"

namespace bplab {

struct Redraw {
  struct Part {
    // The rectangle to clear and draw, display coordinates: the window's, or a part of it where
    // something changed. The lists' commands are clipped to it.
    ImVec2 min, max;
    // The window's draw lists, its child windows' included; for a part of a window, copies that
    // hold only the triangles that reach into the rectangle (owned by FrameDamage, valid until
    // the next compare_and_clip()).
    std::vector<ImDrawList*> lists;
  };
  bool everything = true;
  std::vector<Part> parts;  // when !everything: windows or rectangles in them to draw (perhaps none)
};

class FrameDamage {
 public:
  // Compares this frame's draw data with the last one compared, and remembers this one.
  // windows: the windows drawn this frame (drawn_windows()); changed_textures: those whose pixels
  // changed since the last comparison (take_changed_textures()).
  // It rewrites `frame`: the commands of every window to be drawn whole are clipped to that
  // window's rectangle, the one cleared (a blended pixel drawn outside it would be blended twice).
  // The parts returned point into `frame` and into copies owned here.
  Redraw compare_and_clip(ImDrawData* frame, const std::vector<DrawnWindow>& windows,
                          const std::vector<ImTextureID>& changed_textures);
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
  // within the boxes it adds to `boxes` (display coordinates).
  enum class Change { kNone, kBoxes, kAll };
  Change compare_and_remember(ImGuiID window, const ImDrawList& list, bool textures_changed,
                              DamageBoxes* boxes);
  // A list of the triangles of `list` that reach into `rect`, clipped to it.
  ImDrawList* triangles_within(const ImDrawList& list, const Box& rect);

  std::unordered_map<ImGuiID, Copy> copies_;
  std::vector<Placed> layout_;
  ImVec2 display_{0, 0};
  SequenceDiff diff_;
  std::vector<std::unique_ptr<ImDrawList>> copies_drawn_;  // triangles_within()'s lists
  std::size_t copies_used_ = 0;
  std::vector<int> remap_;  // [list vertices]: a vertex's index in the copy, or −1
};

}  // namespace bplab
