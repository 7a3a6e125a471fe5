// The SDL window with a GL context and ImGui's SDL2 + OpenGL3 backends on top: the part of
// start-up and shutdown that the native and web mains share.
#pragma once
#include <SDL.h>

namespace bplab {

struct LabWindow {
  SDL_Window* window = nullptr;
  SDL_GLContext context = nullptr;
};

// Web: OpenGL ES 3.0 (WebGL2), GLSL "#version 300 es". Native: OpenGL 3.3 core, "#version 330 core".
// Creates the ImGui context too. Prints the SDL error and returns false on failure.
bool open_lab_window(const char* title, int width, int height, LabWindow* out);
void close_lab_window(LabWindow* lab_window);

}  // namespace bplab
