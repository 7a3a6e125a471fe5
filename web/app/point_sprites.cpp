#include "point_sprites.h"

#include <algorithm>
#include <cmath>

namespace bplab::point_sprites {
namespace {

constexpr int kSize = 32;                // sprite side in atlas pixels (drawn scaled down)
constexpr float kRingWidth = 0.3f;       // ring thickness as a fraction of the radius
int g_disc = -1, g_ring = -1;            // custom rect ids in the atlas
ImVec2 g_disc_uv[2], g_ring_uv[2];

// Coverage of an atlas pixel by the shape: 1 inside, 0 outside, linear over the one-pixel edge
// (the anti-aliasing), with distance d from the sprite centre in pixels.
float disc_coverage(float d, float r) { return std::clamp(r - d + 0.5f, 0.0f, 1.0f); }

void write(ImFontAtlas* atlas, int id, bool ring, ImVec2 uv[2]) {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
  const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(id);
  const float r = kSize / 2.0f - 1.0f;
  for (int y = 0; y < kSize; ++y) {
    for (int x = 0; x < kSize; ++x) {
      const float d = std::hypot(x + 0.5f - kSize / 2.0f, y + 0.5f - kSize / 2.0f);
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

void prepare() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  g_disc = atlas->AddCustomRectRegular(kSize, kSize);
  g_ring = atlas->AddCustomRectRegular(kSize, kSize);
  atlas->Build();
  write(atlas, g_disc, false, g_disc_uv);
  write(atlas, g_ring, true, g_ring_uv);
}

void draw(ImDrawList* dl, ImVec2 centre, float radius, ImU32 fill, ImU32 outline) {
  // The sprite's shape has radius kSize/2 − 1 of its kSize pixels: scale the quad to match.
  const float half = radius * (kSize / 2.0f) / (kSize / 2.0f - 1.0f);
  const ImVec2 a(centre.x - half, centre.y - half), b(centre.x + half, centre.y + half);
  const ImTextureID atlas = ImGui::GetIO().Fonts->TexID;
  dl->AddImage(atlas, a, b, g_disc_uv[0], g_disc_uv[1], fill);
  dl->AddImage(atlas, a, b, g_ring_uv[0], g_ring_uv[1], outline);
}

}  // namespace bplab::point_sprites
