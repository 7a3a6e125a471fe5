#include "frame_loop.h"

#include "gl.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"

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

void render_frame(LabApp& app) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  app.frame();
  ImGui::Render();

  const PixelSize size = framebuffer_size();
  glViewport(0, 0, size.width, size.height);
  glClearColor(0.11f, 0.13f, 0.16f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace bplab
