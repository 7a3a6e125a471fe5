// The GL API of each platform: WebGL2 is OpenGL ES 3.0; natively OpenGL 3.3 core from libGL
// (Linux exports every core function), declared by SDL's copy of glext.h. ImGui's OpenGL3 backend
// loads its own entry points.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#endif
