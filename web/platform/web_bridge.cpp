#include "web_bridge.h"

#include <emscripten/emscripten.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "boundary_view.h"
#include "gl_boundary_renderer.h"
#include "item_registry.h"

namespace bplab::web_bridge {
namespace {

LabApp* g_app = nullptr;
// The returned C strings point here; JS copies them (UTF8ToString) before the next call.
std::string g_reply;

}  // namespace

void attach(LabApp* app) { g_app = app; }

}  // namespace bplab::web_bridge

extern "C" {

// The app state as JSON; "null" before attach().
EMSCRIPTEN_KEEPALIVE const char* bplab_state_json() {
  using namespace bplab::web_bridge;
  g_reply = g_app != nullptr ? g_app->state_json() : "null";
  return g_reply.c_str();
}

// {"x","y","width","height"} of the item drawn last frame under label, in CSS pixels relative to
// the canvas; "null" when no such item was drawn.
EMSCRIPTEN_KEEPALIVE const char* bplab_item_rect_json(const char* label) {
  using namespace bplab::web_bridge;
  const auto rect = bplab::item_registry::find(label);
  if (!rect) {
    g_reply = "null";
  } else {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, R"({"x":%.2f,"y":%.2f,"width":%.2f,"height":%.2f})",
                  rect->x, rect->y, rect->w, rect->h);
    g_reply = buffer;
  }
  return g_reply.c_str();
}

// The next frame draws every window (FrameDamage::invalidate).
EMSCRIPTEN_KEEPALIVE void bplab_redraw_all() {
  using namespace bplab::web_bridge;
  if (g_app != nullptr) g_app->damage().invalidate();
}

// The output map's shader against the engine (check_shader) on grid × grid points of the lab's
// network, as JSON {"points": n, "maxError": e, "ok": e ≤ 1e-3}, or {"error": "…"}. Run from the
// browser's console: Module.ccall('bplab_boundary_check', 'string', ['number'], [grid]).
EMSCRIPTEN_KEEPALIVE const char* bplab_boundary_check(int grid) {
  using namespace bplab::web_bridge;
  if (g_app == nullptr) return R"({"error":"the lab has not started"})";
  // A renderer of its own, so that the check leaves the views' textures as they are.
  static bplab::GlBoundaryRenderer renderer;
  const bplab::ShaderCheck c = bplab::check_shader(renderer, g_app->ui().lab, -1, 0, grid);
  char buffer[192];
  if (!c.error.empty())
    std::snprintf(buffer, sizeof buffer, R"({"error":"shader could not run"})");
  else if (!std::isfinite(c.max_error))  // JSON has no inf: a NaN on either side
    std::snprintf(buffer, sizeof buffer, R"({"points":%d,"maxError":null,"ok":false})", c.points);
  else
    std::snprintf(buffer, sizeof buffer, R"({"points":%d,"maxError":%.3g,"ok":%s})", c.points,
                  c.max_error, c.max_error <= 1e-3 ? "true" : "false");
  g_reply = buffer;
  return g_reply.c_str();
}

}  // extern "C"
