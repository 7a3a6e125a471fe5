// DrawReplay: a part of a window's draw list recorded once and appended again on later frames,
// byte for byte, without building it again. A view that changes only a few times a second (the
// Landscape plot while training: a thousand cells and the iso-lines, redrawn when a grid is
// complete) then costs no main-thread time between its changes, and since the draw list is the
// same as on the last frame, FrameDamage finds nothing to draw there either.
//
// Only a part drawn within one draw command can be recorded: between a PushClipRect() and its
// PopClipRect(), with one texture, and without the list opening a new vertex range (16-bit
// indices past 65536 vertices). Indices are stored relative to the first vertex of the part and
// rebased on replay.
#pragma once
#include <imgui.h>

#include <vector>

namespace bplab {

class DrawReplay {
 public:
  // Marks where the part begins in `list`.
  void begin(const ImDrawList& list);
  // Copies the part drawn since begin(); whether it could be recorded (else has() is false).
  bool end(const ImDrawList& list);
  // A part is recorded.
  bool has() const { return has_; }
  // Appends the recorded part to `list`, in the draw command being built; false (nothing
  // appended) when there is none or it does not fit in the list's current vertex range.
  bool replay(ImDrawList* list) const;

 private:
  bool has_ = false;
  int cmd_count_ = 0;
  int vtx_start_ = 0, idx_start_ = 0;
  unsigned int first_vtx_ = 0;  // the list's _VtxCurrentIdx at begin()
  std::vector<ImDrawVert> vtx_;
  std::vector<ImDrawIdx> idx_;  // relative to the part's first vertex
};

}  // namespace bplab
