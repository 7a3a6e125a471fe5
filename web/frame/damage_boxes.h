// The rectangles of a frame to draw again: the boxes around the triangles that changed, gathered
// into a few rectangles that do not overlap. Each rectangle is cleared and drawn once, so none may
// overlap another (a blended pixel drawn twice would come out darker), and a few rectangles near
// each other are cheaper as one: every rectangle costs a clear and a pass over the triangles.
#pragma once
#include <vector>

namespace bplab {

// [x0, x1) × [y0, y1), in pixels.
struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return !(x0 < x1 && y0 < y1); }
  double area() const { return empty() ? 0.0 : double(x1 - x0) * double(y1 - y0); }
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  Box united(const Box& o) const;
  Box clipped(const Box& o) const;
};

class DamageBoxes {
 public:
  // Boxes closer than `join_gap` pixels to one another are joined as they are added.
  explicit DamageBoxes(float join_gap) : join_gap_(join_gap) {}

  void add(const Box& b);
  bool any() const { return !boxes_.empty(); }

  // The rectangles to draw: each box widened by `margin`, rounded out to whole pixels and clipped
  // to `bounds`; then joined until no two overlap and at most max_boxes remain (joining first the
  // pair whose union adds the least area). Every pixel of every box added lies in one of them.
  std::vector<Box> finish(float margin, const Box& bounds, int max_boxes) const;

 private:
  float join_gap_;
  std::vector<Box> boxes_;
};

}  // namespace bplab
