// The lab's font: DejaVu Sans with the scripts that backprop notation needs.
#pragma once

namespace bplab {

// Loads the TTF at path as ImGui's default font, size_px logical pixels tall, with glyphs for
// Latin, Greek (θ η μ), super/subscripts (x², w₁₂, yⱼ), arrows (→) and math operators (∂ Σ −).
// The atlas is rasterised at size_px · pixel_ratio and drawn at 1 / pixel_ratio scale, so text is
// sharp on HiDPI screens while layout stays in logical pixels. Returns false (and keeps ImGui's
// built-in ASCII font) when the file cannot be read.
bool load_lab_font(const char* path, float size_px, float pixel_ratio);

}  // namespace bplab
