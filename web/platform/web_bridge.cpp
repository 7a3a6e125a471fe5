#include "web_bridge.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <string>

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

}  // extern "C"
