// The GL API of each platform: WebGL2 is OpenGL ES 3.0; natively the GL 1.x entry points that
// the platform layer calls itself (viewport, clear, read-back) come from libGL through SDL's
// header. ImGui's OpenGL3 backend loads everything else on its own.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif
