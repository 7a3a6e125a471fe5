#include "frame_loop.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "gl.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "display_scale.h"
#include "texture_changes.h"
#include "ui_scale.h"

namespace bplab {

bool pump_events(SDL_Window* window) {
  bool open = true;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) open = false;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(window)) {
      open = false;
    }
  }
  return open;
}

PixelSize framebuffer_size() {
  const ImGuiIO& io = ImGui::GetIO();
  return {static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
          static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y)};
}

namespace {

// The font atlas texture given nearest filtering, or null. The backend creates the texture on its
// first frame, with bilinear filtering; every image in the atlas (glyphs, point sprites) is baked
// at device resolution and drawn 1:1, where nearest gives the same pixels for less work: with it
// SwiftShader draws the lab ~30 % faster.
ImTextureID g_nearest_atlas = nullptr;

void use_nearest_filtering_for_atlas() {
  const ImTextureID atlas = ImGui::GetIO().Fonts->TexID;
  if (atlas == nullptr || atlas == g_nearest_atlas) return;
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(atlas)));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
  g_nearest_atlas = atlas;
}

// Draws `data`, or with `damage` only what changed since the last frame (whole windows, or boxes
// within them), each over its rectangle cleared to the window colour (the lab's panels draw no
// background). When nothing changed nothing is drawn, so the browser presents nothing new.
// Returns the share of the display it cleared and drew (0: nothing).
double draw(ImDrawData* data, FrameDamage* damage, PixelSize size) {
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  // Taken every frame, also without damage, so that the list does not grow.
  const std::vector<ImTextureID> changed_textures = take_changed_textures();
  const Redraw redraw =
      damage != nullptr ? damage->compare_and_clip(data, drawn_windows(), changed_textures) : Redraw{};
  if (redraw.everything) {
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    return 1.0;
  }
  if (redraw.parts.empty()) return 0.0;
  double area = 0;
  ImDrawData parts = *data;
  parts.CmdLists.clear();
  parts.TotalVtxCount = parts.TotalIdxCount = 0;
  const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
  glEnable(GL_SCISSOR_TEST);
  for (const Redraw::Part& part : redraw.parts) {
    // Device pixels from the bottom left, as glScissor counts them.
    const int x0 = int(std::floor((part.min.x - origin.x) * scale.x));
    const int x1 = int(std::ceil((part.max.x - origin.x) * scale.x));
    const int y0 = int(std::floor((part.min.y - origin.y) * scale.y));
    const int y1 = int(std::ceil((part.max.y - origin.y) * scale.y));
    glScissor(x0, size.height - y1, x1 - x0, y1 - y0);
    glClear(GL_COLOR_BUFFER_BIT);
    area += double(x1 - x0) * double(y1 - y0);
    for (ImDrawList* list : part.lists) {
      parts.CmdLists.push_back(list);
      parts.TotalVtxCount += list->VtxBuffer.Size;
      parts.TotalIdxCount += list->IdxBuffer.Size;
    }
  }
  glDisable(GL_SCISSOR_TEST);
  parts.CmdListsCount = parts.CmdLists.Size;
  ImGui_ImplOpenGL3_RenderDrawData(&parts);
  return area / std::max(1.0, double(size.width) * double(size.height));
}

}  // namespace

void render_frame(LabApp& app, double frame_interval_s, FrameDamage* damage) {
  ImGui_ImplSDL2_NewFrame();
  apply_ui_scale(ui_scale::factor());
  // A new pixel ratio or UI scale: the font and sprites again at the new resolution, uploaded
  // again (before the first frame the backend uploads them itself).
  const bool uploaded = ImGui::GetIO().Fonts->TexID != nullptr;
  if (app.follow_pixel_ratio(device_pixels_per_unit()) && uploaded) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g_nearest_atlas = nullptr;
    if (damage != nullptr) damage->invalidate();
  }
  ImGui_ImplOpenGL3_NewFrame();
  use_nearest_filtering_for_atlas();
  if (frame_interval_s > 0) ImGui::GetIO().DeltaTime = static_cast<float>(frame_interval_s);
  ImGui::NewFrame();
  app.frame();
  ImGui::Render();

  const PixelSize size = framebuffer_size();
  glViewport(0, 0, size.width, size.height);
  app.set_frame_drawn(draw(ImGui::GetDrawData(), damage, size));
  // Send the frame's commands to the GPU now, so that they are rasterised while this thread
  // trains.
  glFlush();
#ifndef __EMSCRIPTEN__
  while (app.train_slice(std::numeric_limits<double>::infinity())) {
  }
#endif
}

void follow_swap_interval(int interval) {
  static int asked = -1;  // none yet
  if (interval == asked) return;
  asked = interval;
  SDL_GL_SetSwapInterval(asked);
}

}  // namespace bplab
