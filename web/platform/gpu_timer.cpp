#include "gpu_timer.h"

#include "gl.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#endif

namespace bplab {
namespace {

constexpr GLenum kTimeElapsed = 0x88BF;  // GL_TIME_ELAPSED(_EXT)

#ifdef __EMSCRIPTEN__
// Emscripten asks for the extension when it makes the context; Firefox may offer only WebGL 1's.
EM_JS(int, has_timer_query, (), { return GLctx.getExtension('EXT_disjoint_timer_query_webgl2') ? 1 : 0; });
#else
int has_timer_query() { return 1; }  // core since OpenGL 3.3
#endif

}  // namespace

void GpuTimer::release() {
  if (query_) glDeleteQueries(1, &query_);
  query_ = 0;
  running_ = pending_ = false;
}

void GpuTimer::begin(long work) {
  if (support_ == Support::Unknown) {
    support_ = has_timer_query() ? Support::Yes : Support::No;
    if (support_ == Support::Yes) glGenQueries(1, &query_);
  }
  if (support_ != Support::Yes || running_ || pending_) return;
  glBeginQuery(kTimeElapsed, query_);
  running_ = true;
  work_ = work;
}

void GpuTimer::end() {
  if (!running_) return;
  glEndQuery(kTimeElapsed);
  running_ = false;
  pending_ = true;
}

bool GpuTimer::take(long* work, double* ms) {
  if (!pending_) return false;
  GLuint available = 0;
  glGetQueryObjectuiv(query_, GL_QUERY_RESULT_AVAILABLE, &available);
  if (!available) return false;
  GLuint ns = 0;
  glGetQueryObjectuiv(query_, GL_QUERY_RESULT, &ns);
  pending_ = false;
  *work = work_;
  *ms = double(ns) / 1e6;
  return true;
}

}  // namespace bplab
