// Data points drawn as sprites: each shape's fill and ring baked once into ImGui's font atlas, so
// a point is two textured quads (4 triangles) instead of two anti-aliased polygons (~70
// triangles). Software rasterisers (SwiftShader in headless browsers, llvmpipe) pay per triangle:
// with 400 points the polygons cost ~15 ms a frame, the sprites well under 1.
#pragma once
#include "imgui.h"

namespace bplab::point_sprites {

// The shapes, so that classes differ by more than colour: shape k for class k (cycling).
enum Shape { kDisc, kSquare, kTriangle, kDiamond, kShapeCount };
inline Shape shape_of_class(int k) { return static_cast<Shape>(((k % kShapeCount) + kShapeCount) % kShapeCount); }

// Adds the images, for points of `radius` logical pixels baked at the device resolution (drawn
// 1:1, so the atlas can be sampled with nearest filtering), to the font atlas, builds it and
// writes their pixels. Call once after the fonts are added and before the renderer uploads the
// atlas (the first frame).
void prepare(float radius, float pixel_ratio);

// A point at `centre` (logical pixels): the shape's inside tinted `fill`, its ring `outline`.
void draw(ImDrawList* dl, ImVec2 centre, ImU32 fill, ImU32 outline, Shape shape = kDisc);

}  // namespace bplab::point_sprites
