// One iteration of the UI loop, shared by the native while loop and the browser's
// requestAnimationFrame callback.
#pragma once
#include <SDL.h>

#include "frame_damage.h"
#include "lab_app.h"

namespace bplab {

struct PixelSize {
  int width, height;
};

// Feeds pending SDL events to ImGui. Returns false once the window was asked to close.
bool pump_events(SDL_Window* window);
// Builds the ImGui frame with the app and draws it into the back buffer; natively it then lets the
// app train (the browser trains between frames, see main_web.cpp). The caller swaps.
// frame_interval_s > 0 replaces the interval SDL measured since the last frame (ImGui's
// DeltaTime): the browser passes the interval between the animation frames' own timestamps,
// which are whole display refreshes apart, where SDL's clock adds the callbacks' jitter.
// With `damage`, only what changed is drawn (whole windows, or boxes within them): for a back
// buffer that keeps its pixels (the browser's); a swapped native back buffer has to be drawn whole.
void render_frame(LabApp& app, double frame_interval_s = 0, FrameDamage* damage = nullptr);
// Asks SDL for this swap interval (display refreshes per frame; 0: do not wait) whenever it
// differs from the last one asked for.
void follow_swap_interval(int interval);
// Size of the framebuffer in device pixels: ImGui's DisplaySize × DisplayFramebufferScale.
PixelSize framebuffer_size();

}  // namespace bplab
