// The UI scale (web/app/ui_scale.h) applied to what the SDL backend reports, natively and on the
// web alike.
#pragma once

namespace bplab {

// Call right after ImGui_ImplSDL2_NewFrame(): ImGui's display becomes the window's size / scale
// units with scale × as many device pixels per unit, and the mouse positions SDL queued since the
// last call are divided by scale to match.
void apply_ui_scale(float scale);

// Device pixels per ImGui unit of the frame being built (after apply_ui_scale), to 1/100: the
// ratio the font is rasterised at.
float device_pixels_per_unit();

}  // namespace bplab
