#include "boundary_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <SDL.h>
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
// OpenGL 3.3 entry points straight from libGL (Linux exports every core function), declared by
// SDL's copy of glext.h.
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#endif

#include "input_features.h"

namespace bplab {

// Generated from shaders/*.glsl by cmake/EmbedShaders.cmake.
namespace shaders {
extern const char boundary_vert[];
extern const char boundary_frag[];
}  // namespace shaders

namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kGlslVersion = "#version 300 es\n";
#else
constexpr const char* kGlslVersion = "#version 330 core\n";
#endif

// The repacked layout (shaders/boundary.frag.glsl): a layer of n units has ⌈n/4⌉ groups of 4
// units, each unit a row of 4 vec4 (16 weights, zero padded), then ⌈n/4⌉ vec4 of biases:
// 17 ⌈n/4⌉ vec4, at most 7 · 68 = 476 ≤ kMaxParamVec4.
constexpr int kRowVec4 = 4;
int groups(int n) { return (n + 3) / 4; }
int layer_vec4s(int n) { return groups(n) * (4 * kRowVec4 + 1); }

GLuint compile(GLenum type, const char* defines, const char* source, std::string* error) {
  const GLuint shader = glCreateShader(type);
  const char* parts[] = {kGlslVersion, defines, source};
  glShaderSource(shader, 3, parts, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  char log[2048] = "";
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  *error = std::string(type == GL_VERTEX_SHADER ? "boundary.vert" : "boundary.frag") + ": " + log;
  glDeleteShader(shader);
  return 0;
}

// GL state that a draw changes, put back afterwards so that ImGui's backend and other views find
// what they left.
struct SavedState {
  GLint framebuffer, program, vertex_array, viewport[4];
  GLboolean blend, scissor, depth, cull;

  SavedState() {
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &framebuffer);
    glGetIntegerv(GL_CURRENT_PROGRAM, &program);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertex_array);
    glGetIntegerv(GL_VIEWPORT, viewport);
    blend = glIsEnabled(GL_BLEND);
    scissor = glIsEnabled(GL_SCISSOR_TEST);
    depth = glIsEnabled(GL_DEPTH_TEST);
    cull = glIsEnabled(GL_CULL_FACE);
  }
  ~SavedState() {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glUseProgram(program);
    glBindVertexArray(vertex_array);
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    set(GL_BLEND, blend);
    set(GL_SCISSOR_TEST, scissor);
    set(GL_DEPTH_TEST, depth);
    set(GL_CULL_FACE, cull);
  }
  static void set(GLenum cap, GLboolean on) { on ? glEnable(cap) : glDisable(cap); }
};

}  // namespace

BoundaryRenderer::~BoundaryRenderer() {
  if (SDL_GL_GetCurrentContext() != nullptr) release();
}

void BoundaryRenderer::release() {
  for (Program* p : {&colour_, &raw_})
    if (p->id) glDeleteProgram(p->id);
  for (Target* t : {&map_, &atlas_, &readback_}) {
    if (t->framebuffer) glDeleteFramebuffers(1, &t->framebuffer);
    if (t->texture) glDeleteTextures(1, &t->texture);
  }
  if (vertex_array_) glDeleteVertexArrays(1, &vertex_array_);
  if (params_buffer_) glDeleteBuffers(1, &params_buffer_);
}

bool BoundaryRenderer::supports(const bp::Network& net) {
  const int L = net.num_layers();
  if (L < 2 || L > kMaxLayers || net.input_size() > kMaxFeatures) return false;
  int vec4s = 0;
  for (int l = 0; l < L; ++l) {
    if (net.size(l) > kMaxUnits) return false;
    if (l > 0) vec4s += layer_vec4s(net.size(l));
  }
  return vec4s <= kMaxParamVec4;
}

bool BoundaryRenderer::build_program(bool raw, Program* out) {
  const GLuint vs = compile(GL_VERTEX_SHADER, "", shaders::boundary_vert, &error_);
  if (!vs) return false;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, raw ? "#define RAW_OUTPUT\n" : "", shaders::boundary_frag, &error_);
  if (!fs) {
    glDeleteShader(vs);
    return false;
  }
  const GLuint id = glCreateProgram();
  glAttachShader(id, vs);
  glAttachShader(id, fs);
  glLinkProgram(id);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(id, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    char log[2048] = "";
    glGetProgramInfoLog(id, sizeof log, nullptr, log);
    error_ = std::string("boundary shader link: ") + log;
    glDeleteProgram(id);
    return false;
  }
  glUniformBlockBinding(id, glGetUniformBlockIndex(id, "Params"), 0);
  Program& p = *out;
  p.id = id;
  p.layers = glGetUniformLocation(id, "u_layers");
  p.size = glGetUniformLocation(id, "u_size");
  p.act = glGetUniformLocation(id, "u_act");
  p.row = glGetUniformLocation(id, "u_row");
  p.bias = glGetUniformLocation(id, "u_bias");
  p.origin = glGetUniformLocation(id, "u_origin");
  p.lo = glGetUniformLocation(id, "u_lo");
  p.step = glGetUniformLocation(id, "u_step");
  p.out_layer = glGetUniformLocation(id, "u_out_layer");
  p.out_unit = glGetUniformLocation(id, "u_out_unit");
  p.range = glGetUniformLocation(id, "u_range");
  p.discrete = glGetUniformLocation(id, "u_discrete");
  p.contour = glGetUniformLocation(id, "u_contour");
  p.line_px = glGetUniformLocation(id, "u_line_px");
  return true;
}

bool BoundaryRenderer::init() {
  if (ready_) return true;
  if (failed_) return false;
  failed_ = true;
  if (!build_program(false, &colour_) || !build_program(true, &raw_)) {
    std::fprintf(stderr, "bplab: %s\n", error_.c_str());
    return false;
  }
  // Core profiles draw only with a vertex array bound, even one without attributes.
  glGenVertexArrays(1, &vertex_array_);
  // The whole block is allocated once: a bound uniform buffer must be at least the block's size.
  glGenBuffers(1, &params_buffer_);
  glBindBuffer(GL_UNIFORM_BUFFER, params_buffer_);
  glBufferData(GL_UNIFORM_BUFFER, sizeof packed_, nullptr, GL_DYNAMIC_DRAW);
  glBindBuffer(GL_UNIFORM_BUFFER, 0);
  failed_ = false;
  ready_ = true;
  return true;
}

bool BoundaryRenderer::set_network(const bp::Network& net, std::uint32_t features) {
  if (!init()) return false;
  if (!supports(net)) {
    error_ = "the map shows networks of at most 8 layers of 16 units";
    return false;
  }
  if (bp::feature_count(features) != net.input_size()) {
    error_ = "the feature mask does not match the network's inputs";
    return false;
  }
  layers_ = net.num_layers();
  // Input unit i is the i-th selected feature; the shader computes all of them in table order.
  int n_features = 0;
  for (int k = 0; k < kMaxFeatures; ++k)
    if ((features >> k) & 1u) feature_index_[n_features++] = k;
  // Repack W_l and b_l (engine/network.h: W_l row-major [size(l)][size(l−1)], then b_l) into
  // rows of 4 vec4 padded with zeros, so θ_j is 4 dot products in the shader. Layer 1's input i
  // goes to the column of its feature.
  packed_.fill(0.0f);
  int cursor = 0;  // in vec4
  size_[0] = net.size(0);
  for (int l = 1; l < layers_; ++l) {
    const int n_in = net.size(l - 1), n_out = net.size(l);
    size_[l] = n_out;
    act_[l] = static_cast<int>(net.activation(l));
    row_[l] = cursor;
    const double* w = net.weights(l);
    for (int j = 0; j < n_out; ++j)
      for (int i = 0; i < n_in; ++i) {
        const int column = l == 1 ? feature_index_[i] : i;
        packed_[std::size_t(cursor + j * kRowVec4) * 4 + column] = static_cast<float>(w[j * n_in + i]);
      }
    cursor += groups(n_out) * 4 * kRowVec4;
    bias_[l] = cursor;
    const double* b = net.biases(l);
    for (int j = 0; j < n_out; ++j) packed_[std::size_t(cursor) * 4 + j] = static_cast<float>(b[j]);
    cursor += groups(n_out);
  }
  // Upload only what changed since the last call (nothing while training is paused).
  const std::size_t bytes = std::size_t(cursor) * 4 * sizeof(float);
  if (!uploaded_valid_ || std::memcmp(packed_.data(), uploaded_.data(), bytes) != 0) {
    glBindBuffer(GL_UNIFORM_BUFFER, params_buffer_);
    glBufferSubData(GL_UNIFORM_BUFFER, 0, static_cast<GLsizeiptr>(bytes), packed_.data());
    glBindBuffer(GL_UNIFORM_BUFFER, 0);
    std::copy(packed_.begin(), packed_.begin() + cursor * 4, uploaded_.begin());
    uploaded_valid_ = true;
  }
  return true;
}

bool BoundaryRenderer::ensure_target(Target* target, int width, int height, bool raw) {
  if (target->texture && target->width == width && target->height == height) return true;
  GLint previous_texture = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous_texture);
  if (!target->texture) glGenTextures(1, &target->texture);
  if (!target->framebuffer) glGenFramebuffers(1, &target->framebuffer);
  glBindTexture(GL_TEXTURE_2D, target->texture);
  // Integer textures cannot be filtered; the colour maps are shown at 1:1 but may land between
  // pixels after rounding, where linear filtering looks better than nearest.
  const GLint filter = raw ? GL_NEAREST : GL_LINEAR;
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  if (raw)
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32UI, width, height, 0, GL_RED_INTEGER, GL_UNSIGNED_INT, nullptr);
  else
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous_texture));

  GLint previous_framebuffer = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, target->framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target->texture, 0);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_framebuffer));
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    error_ = "boundary map framebuffer incomplete";
    target->width = target->height = 0;
    return false;
  }
  target->width = width;
  target->height = height;
  return true;
}

bool BoundaryRenderer::draw(const Program& p, const MapRequest& r, const Target& target, int x,
                            int y, int width, int height) {
  const int out_layer = r.layer < 0 ? layers_ - 1 : r.layer;
  if (!ready_ || layers_ == 0 || out_layer >= layers_ || r.unit < 0 || r.unit >= size_[out_layer] ||
      width <= 0 || height <= 0 || !(r.hi > r.lo)) {
    error_ = "boundary map: nothing to draw for this request";
    return false;
  }
  const SavedState saved;
  glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
  glViewport(x, y, width, height);
  for (GLenum cap : {GL_BLEND, GL_SCISSOR_TEST, GL_DEPTH_TEST, GL_CULL_FACE}) glDisable(cap);
  glUseProgram(p.id);
  glBindBufferBase(GL_UNIFORM_BUFFER, 0, params_buffer_);
  glBindVertexArray(vertex_array_);

  glUniform1i(p.layers, layers_);
  glUniform1iv(p.size, kMaxLayers, size_.data());
  glUniform1iv(p.act, kMaxLayers, act_.data());
  glUniform1iv(p.row, kMaxLayers, row_.data());
  glUniform1iv(p.bias, kMaxLayers, bias_.data());
  glUniform2f(p.origin, static_cast<float>(x), static_cast<float>(y));
  glUniform2f(p.lo, static_cast<float>(r.lo), static_cast<float>(r.lo));
  glUniform2f(p.step, static_cast<float>((r.hi - r.lo) / width), static_cast<float>((r.hi - r.lo) / height));
  glUniform1i(p.out_layer, out_layer);
  glUniform1i(p.out_unit, out_layer == 0 ? feature_index_[r.unit] : r.unit);
  if (p.range >= 0) {
    glUniform2f(p.range, static_cast<float>(r.value_lo), static_cast<float>(r.value_hi));
    glUniform1i(p.discrete, r.discrete);
    glUniform1i(p.contour, r.contour);
    glUniform1f(p.line_px, r.line_px);
  }
  glDrawArrays(GL_TRIANGLES, 0, 3);
  return true;
}

unsigned BoundaryRenderer::render(const MapRequest& request, int width, int height) {
  if (!ready_ || width <= 0 || height <= 0 || !ensure_target(&map_, width, height, false)) return 0;
  return draw(colour_, request, map_, 0, 0, width, height) ? map_.texture : 0;
}

unsigned BoundaryRenderer::render_tile(const MapRequest& request, int x, int y, int size) {
  if (!ready_ || x < 0 || y < 0 || x + size > kAtlasSize || y + size > kAtlasSize ||
      !ensure_target(&atlas_, kAtlasSize, kAtlasSize, false))
    return 0;
  return draw(colour_, request, atlas_, x, y, size, size) ? atlas_.texture : 0;
}

bool BoundaryRenderer::sample(const MapRequest& request, int size,
                              const std::vector<std::array<double, 2>>& points,
                              std::vector<ShaderSample>* out) {
  if (!ready_ || size <= 0 || !ensure_target(&readback_, size, size, true) ||
      !draw(raw_, request, readback_, 0, 0, size, size))
    return false;
  // GL ES guarantees RGBA_INTEGER + UNSIGNED_INT reads from an unsigned integer buffer; R is y.
  std::vector<GLuint> texels(std::size_t(size) * size * 4);
  GLint previous_framebuffer = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, readback_.framebuffer);
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glReadPixels(0, 0, size, size, GL_RGBA_INTEGER, GL_UNSIGNED_INT, texels.data());
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_framebuffer));

  // Pixel i covers [lo + i·h, lo + (i + 1)·h), h = (hi − lo) / size; its centre is lo + (i + ½)·h.
  const double h = (request.hi - request.lo) / size;
  auto pixel = [&](double v) { return std::clamp(static_cast<int>(std::floor((v - request.lo) / h)), 0, size - 1); };
  out->clear();
  for (const auto& p : points) {
    const int i = pixel(p[0]), j = pixel(p[1]);
    float y;
    const GLuint bits = texels[(std::size_t(j) * size + i) * 4];
    std::memcpy(&y, &bits, sizeof y);
    out->push_back({request.lo + (i + 0.5) * h, request.lo + (j + 0.5) * h, y});
  }
  return true;
}

}  // namespace bplab
