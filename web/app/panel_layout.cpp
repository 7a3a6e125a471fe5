#include "panel_layout.h"

#include <algorithm>
#include <cmath>

namespace bplab {
namespace {

// The rectangle between two corners, each edge rounded to a whole unit, so that panels sharing
// an edge round it alike and never share a pixel (a frame may redraw one panel alone).
PanelRect between(float x0, float y0, float x1, float y1) {
  const float l = std::round(x0), t = std::round(y0), r = std::round(x1), b = std::round(y1);
  return {l, t, r - l, b - t};
}

// The lesson, loss and details panels stacked in the column x0…x1, y0…y1: the lesson takes the
// top half, the loss curve a share of what is left, the details the rest.
void stack_right_column(const PanelSet& shown, float x0, float y0, float x1, float y1, PanelLayout* out) {
  const float h = y1 - y0;
  float top = y0;
  if (shown.lesson) {
    const float lesson_bottom = shown.loss || shown.details ? y0 + h * 0.5f : y1;
    out->lesson = between(x0, top, x1, lesson_bottom);
    top = lesson_bottom;
  }
  if (shown.loss) {
    const float share = !shown.details ? 1.0f : shown.lesson ? 0.45f : 0.36f;
    const float loss_bottom = top + (y1 - top) * share;
    out->loss = between(x0, top, x1, loss_bottom);
    top = loss_bottom;
  }
  if (shown.details) out->details = between(x0, top, x1, y1);
}

// Three columns side by side; the middle one holds the output map over the network diagram.
PanelLayout columns(float w, float h, const PanelSet& shown, bool middle, bool right) {
  PanelLayout out;
  out.mode = PanelLayout::Mode::Columns;
  const float left = shown.controls ? std::clamp(w * 0.27f, kMinControls, 400.0f) : 0.0f;
  float mid = 0;
  if (middle) mid = right ? std::clamp((w - left) * 0.48f, kMinColumn, std::max(kMinColumn, w - left - kMinColumn)) : w - left;
  if (shown.controls) out.controls = between(0, 0, middle || right ? left : w, h);
  if (middle) {
    // The map is about square (its title bar and legend take ~90 units) above the network.
    const float map_h = !shown.network ? h : shown.view ? std::min(h * 0.6f, mid + 90.0f) : 0.0f;
    if (shown.view) out.view = between(left, 0, left + mid, map_h);
    if (shown.network) out.network = between(left, map_h, left + mid, h);
  }
  if (right) stack_right_column(shown, left + mid, 0, w, h, &out);
  return out;
}

// Two rows: the output map beside the network on top, the controls beside the other panels below.
PanelLayout rows(float w, float h, const PanelSet& shown, bool middle, bool right) {
  PanelLayout out;
  out.mode = PanelLayout::Mode::Rows;
  const bool below = shown.controls || right;
  float top_h = 0;
  if (middle) {
    const float each = shown.view && shown.network ? w / 2 : w;
    top_h = below ? std::min(h * 0.45f, each * 0.9f + 40.0f) : h;
    const float split = shown.view ? each : 0.0f;
    if (shown.view) out.view = between(0, 0, split, top_h);
    if (shown.network) out.network = between(split, 0, w, top_h);
  }
  const float left =
      !shown.controls ? 0.0f : right ? std::clamp(w * 0.42f, std::min(kMinControls, w / 2), 400.0f) : w;
  if (shown.controls) out.controls = between(0, top_h, left, h);
  if (right) stack_right_column(shown, left, top_h, w, h, &out);
  return out;
}

}  // namespace

PanelLayout layout_panels(float width, float height, const PanelSet& shown) {
  const bool middle = shown.view || shown.network;
  const bool right = shown.lesson || shown.loss || shown.details;
  const float needed = (shown.controls ? kMinControls : 0.0f) + (int(middle) + int(right)) * kMinColumn;
  const bool fits = width >= needed;
  const bool upright = height > width;
  return fits && !upright ? columns(width, height, shown, middle, right)
                          : rows(width, height, shown, middle, right);
}

}  // namespace bplab
