// One iteration of the UI loop, shared by the native while loop and the browser's
// requestAnimationFrame callback.
#pragma once
#include <SDL.h>

#include "lab_app.h"

namespace bplab {

struct PixelSize {
  int width, height;
};

// Feeds pending SDL events to ImGui. Returns false once the window was asked to close.
bool pump_events(SDL_Window* window);
// Builds the ImGui frame with the app and draws it into the back buffer; natively it then lets the
// app train (the browser trains between frames, see main_web.cpp). The caller swaps.
void render_frame(LabApp& app);
// Size of the framebuffer in device pixels: ImGui's DisplaySize × DisplayFramebufferScale.
PixelSize framebuffer_size();

}  // namespace bplab
