#include "point_sprites.h"

#include <algorithm>
#include <cmath>

namespace bplab::point_sprites {
namespace {

constexpr float kRingWidth = 0.3f;  // ring thickness as a fraction of the radius
int g_size = 0;                     // sprite side in atlas (= device) pixels
float g_half = 0;                   // half the side in logical pixels
int g_disc = -1, g_ring = -1;       // custom rect ids in the atlas
ImVec2 g_disc_uv[2], g_ring_uv[2];

// Coverage of an atlas pixel by the shape: 1 inside, 0 outside, linear over the one-pixel edge
// (the anti-aliasing), with distance d from the sprite centre in pixels.
float disc_coverage(float d, float r) { return std::clamp(r - d + 0.5f, 0.0f, 1.0f); }

void write(ImFontAtlas* atlas, int id, bool ring, float r, ImVec2 uv[2]) {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
  const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(id);
  for (int y = 0; y < g_size; ++y) {
    for (int x = 0; x < g_size; ++x) {
      const float d = std::hypot(x + 0.5f - g_size / 2.0f, y + 0.5f - g_size / 2.0f);
      float a = disc_coverage(d, r);
      if (ring) a -= disc_coverage(d, r * (1.0f - kRingWidth));
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
  g_disc = atlas->AddCustomRectRegular(g_size, g_size);
  g_ring = atlas->AddCustomRectRegular(g_size, g_size);
  atlas->Build();
  write(atlas, g_disc, false, r, g_disc_uv);
  write(atlas, g_ring, true, r, g_ring_uv);
}

void draw(ImDrawList* dl, ImVec2 centre, ImU32 fill, ImU32 outline) {
  const ImVec2 a(centre.x - g_half, centre.y - g_half), b(centre.x + g_half, centre.y + g_half);
  const ImTextureID atlas = ImGui::GetIO().Fonts->TexID;
  dl->AddImage(atlas, a, b, g_disc_uv[0], g_disc_uv[1], fill);
  dl->AddImage(atlas, a, b, g_ring_uv[0], g_ring_uv[1], outline);
}

}  // namespace bplab::point_sprites
