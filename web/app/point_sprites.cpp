#include "point_sprites.h"

#include <algorithm>
#include <cmath>

namespace bplab::point_sprites {
namespace {

constexpr float kRingWidth = 0.3f;  // ring thickness as a fraction of the radius
int g_size = 0;                     // sprite side in atlas (= device) pixels
float g_half = 0;                   // half the side in logical pixels
struct Sprite {
  int fill = -1, ring = -1;  // custom rect ids in the atlas
  ImVec2 fill_uv[2], ring_uv[2];
};
Sprite g_sprites[kShapeCount];

// Signed distance (negative inside, in pixels) from a point (x, y) relative to the sprite centre
// (y downwards) to the outline of a shape of size r: exact for the disc and along the straight
// edges, close enough for one pixel of anti-aliasing at the corners.
//   disc      |p| − r
//   square    max(|x|, |y|) − 0.85 r
//   triangle  max(y − ½ s, 0.866 |x| − ½ y − ½ s), s = 1.2 r (pointing up; inradius ½ s)
//   diamond   (|x| + |y|) / √2 − 0.8 r
float distance(Shape shape, float x, float y, float r) {
  switch (shape) {
    case kSquare: return std::max(std::fabs(x), std::fabs(y)) - 0.85f * r;
    case kTriangle: {
      const float s = 1.2f * r;
      return std::max(y - 0.5f * s, 0.866f * std::fabs(x) - 0.5f * y - 0.5f * s);
    }
    case kDiamond: return (std::fabs(x) + std::fabs(y)) / std::sqrt(2.0f) - 0.8f * r;
    default: return std::hypot(x, y) - r;
  }
}

// Coverage of an atlas pixel: 1 inside, 0 outside, linear over the one-pixel edge.
float coverage(float d) { return std::clamp(0.5f - d, 0.0f, 1.0f); }

void write(ImFontAtlas* atlas, int id, Shape shape, bool ring, float r, ImVec2 uv[2]) {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
  const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(id);
  for (int y = 0; y < g_size; ++y) {
    for (int x = 0; x < g_size; ++x) {
      const float d = distance(shape, x + 0.5f - g_size / 2.0f, y + 0.5f - g_size / 2.0f, r);
      float a = coverage(d);
      if (ring) a -= coverage(d + kRingWidth * r);
      unsigned char* p = pixels + (std::size_t(rect->Y + y) * width + rect->X + x) * 4;
      p[0] = p[1] = p[2] = 255;
      p[3] = static_cast<unsigned char>(std::lround(std::max(a, 0.0f) * 255));
    }
  }
  atlas->CalcCustomRectUV(rect, &uv[0], &uv[1]);
}

}  // namespace

void prepare(float radius, float pixel_ratio) {
  // The disc's radius in device pixels, plus a pixel of anti-aliased edge on each side.
  const float r = radius * pixel_ratio;
  g_size = static_cast<int>(std::ceil(2.0f * r)) + 2;
  g_half = 0.5f * g_size / pixel_ratio;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  for (Sprite& s : g_sprites) {
    s.fill = atlas->AddCustomRectRegular(g_size, g_size);
    s.ring = atlas->AddCustomRectRegular(g_size, g_size);
  }
  atlas->Build();
  for (int k = 0; k < kShapeCount; ++k) {
    Sprite& s = g_sprites[k];
    write(atlas, s.fill, Shape(k), false, r, s.fill_uv);
    write(atlas, s.ring, Shape(k), true, r, s.ring_uv);
  }
}

void draw(ImDrawList* dl, ImVec2 centre, ImU32 fill, ImU32 outline, Shape shape) {
  const Sprite& s = g_sprites[shape];
  const ImVec2 a(centre.x - g_half, centre.y - g_half), b(centre.x + g_half, centre.y + g_half);
  const ImTextureID atlas = ImGui::GetIO().Fonts->TexID;
  dl->AddImage(atlas, a, b, s.fill_uv[0], s.fill_uv[1], fill);
  dl->AddImage(atlas, a, b, s.ring_uv[0], s.ring_uv[1], outline);
}

}  // namespace bplab::point_sprites
