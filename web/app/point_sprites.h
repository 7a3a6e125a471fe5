// Data points drawn as sprites: a disc and a ring baked once into ImGui's font atlas, so a point
// is two textured quads (4 triangles) instead of two anti-aliased polygons (~70 triangles).
// Software rasterisers (SwiftShader in headless browsers, llvmpipe) pay per triangle: with 400
// points the polygons cost ~15 ms a frame, the sprites well under 1.
#pragma once
#include "imgui.h"

namespace bplab::point_sprites {

// Adds the two images, for points of `radius` logical pixels baked at the device resolution
// (drawn 1:1, so the atlas can be sampled with nearest filtering), to the font atlas, builds it
// and writes their pixels. Call once after the fonts are added and before the renderer uploads
// the atlas (the first frame).
void prepare(float radius, float pixel_ratio);

// A point at `centre` (logical pixels): the disc tinted `fill`, the ring `outline`.
void draw(ImDrawList* dl, ImVec2 centre, ImU32 fill, ImU32 outline);

}  // namespace bplab::point_sprites
