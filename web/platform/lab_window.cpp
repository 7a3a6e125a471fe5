#include "lab_window.h"

#include <cstdio>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"

namespace bplab {
namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kGlslVersion = "#version 300 es";
void request_gl_context() {
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
}
#else
constexpr const char* kGlslVersion = "#version 330 core";
void request_gl_context() {
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
}
#endif

bool fail(const char* what) {
  std::fprintf(stderr, "bplab: %s: %s\n", what, SDL_GetError());
  return false;
}

}  // namespace

bool open_lab_window(const char* title, int width, int height, LabWindow* out) {
#ifdef __EMSCRIPTEN__
  // SDL listens for keys on `window` by default and cancels Tab, Backspace and the arrows for
  // the whole page. Bound to the canvas (tabindex=0 in index.html), the keys reach the lab only
  // while the canvas has focus, and the page's DOM controls beside it keep theirs.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return fail("SDL_Init");
  request_gl_context();
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

  // On the web, RESIZABLE + ALLOW_HIGHDPI make SDL follow the canvas' CSS size and give the canvas
  // CSS size × devicePixelRatio device pixels; window coordinates stay in CSS pixels.
  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  out->window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width,
                                 height, flags);
  if (out->window == nullptr) return fail("SDL_CreateWindow");
  out->context = SDL_GL_CreateContext(out->window);
  if (out->context == nullptr) return fail("SDL_GL_CreateContext");
  SDL_GL_MakeCurrent(out->window, out->context);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplSDL2_InitForOpenGL(out->window, out->context);
  ImGui_ImplOpenGL3_Init(kGlslVersion);
  return true;
}

void close_lab_window(LabWindow* lab_window) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(lab_window->context);
  SDL_DestroyWindow(lab_window->window);
  SDL_Quit();
  *lab_window = LabWindow{};
}

}  // namespace bplab
