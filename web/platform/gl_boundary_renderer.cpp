#include "gl_boundary_renderer.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "colormap.h"
#include "gl.h"
#include "input_features.h"
#include "platform_services.h"

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

// Programs kept compiled: a few architectures' output map, unit maps and read-back variants.
constexpr std::size_t kMaxPrograms = 24;

GLuint compile(GLenum type, const char* defines, const char* source, const char* generated,
               std::string* error) {
  const GLuint shader = glCreateShader(type);
  const char* parts[] = {kGlslVersion, defines, source, generated};
  glShaderSource(shader, 4, parts, nullptr);
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

GlBoundaryRenderer::~GlBoundaryRenderer() {
  if (SDL_GL_GetCurrentContext() != nullptr) release();
}

void GlBoundaryRenderer::release() {
  for (const Program& p : programs_)
    if (p.id) glDeleteProgram(p.id);
  programs_.clear();
  for (Target* t : {&map_, &coarse_, &atlas_, &readback_}) {
    if (t->framebuffer) glDeleteFramebuffers(1, &t->framebuffer);
    if (t->texture) glDeleteTextures(1, &t->texture);
  }
  if (vertex_array_) glDeleteVertexArrays(1, &vertex_array_);
  if (params_buffer_) glDeleteBuffers(1, &params_buffer_);
  timer_.release();
}

bool GlBoundaryRenderer::build_program(Program* p) {
  const std::string network = network_glsl(shape_, offset_, p->out_layer);
  const GLuint vs = compile(GL_VERTEX_SHADER, "", shaders::boundary_vert, "", &error_);
  if (!vs) return false;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, p->raw ? "#define RAW_OUTPUT\n" : "", shaders::boundary_frag,
                            network.c_str(), &error_);
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
  // A map of an input feature reads no parameter: the block is then compiled out.
  const GLuint block = glGetUniformBlockIndex(id, "Params");
  if (block != GL_INVALID_INDEX) glUniformBlockBinding(id, block, 0);
  p->id = id;
  p->origin = glGetUniformLocation(id, "u_origin");
  p->lo = glGetUniformLocation(id, "u_lo");
  p->step = glGetUniformLocation(id, "u_step");
  p->unit = glGetUniformLocation(id, "u_unit");
  p->range = glGetUniformLocation(id, "u_range");
  p->discrete = glGetUniformLocation(id, "u_discrete");
  p->contour = glGetUniformLocation(id, "u_contour");
  p->line_px = glGetUniformLocation(id, "u_line_px");
  p->class_map = glGetUniformLocation(id, "u_class_map");
  p->class_colour = glGetUniformLocation(id, "u_class_colour");
  p->classes = glGetUniformLocation(id, "u_classes");
  return true;
}

const GlBoundaryRenderer::Program* GlBoundaryRenderer::program(int out_layer, bool raw) {
  for (Program& p : programs_)
    if (p.out_layer == out_layer && p.raw == raw && p.shape == shape_) {
      p.last_used = ++use_clock_;
      if (p.id == 0) error_ = "the boundary shader failed to build for this network";
      return p.id ? &p : nullptr;
    }
  if (programs_.size() >= kMaxPrograms) {
    auto oldest = std::min_element(programs_.begin(), programs_.end(),
                                   [](const Program& a, const Program& b) { return a.last_used < b.last_used; });
    if (oldest->id) glDeleteProgram(oldest->id);
    programs_.erase(oldest);
  }
  Program p;
  p.shape = shape_;
  p.out_layer = out_layer;
  p.raw = raw;
  p.last_used = ++use_clock_;
  if (!build_program(&p)) std::fprintf(stderr, "bplab: %s\n", error_.c_str());
  programs_.push_back(p);
  return p.id ? &programs_.back() : nullptr;
}

bool GlBoundaryRenderer::init() {
  if (ready_) return true;
  if (failed_) return false;
  // Core profiles draw only with a vertex array bound, even one without attributes.
  glGenVertexArrays(1, &vertex_array_);
  // The whole buffer is allocated once: a bound uniform buffer must be at least the block's size,
  // which is at most this.
  glGenBuffers(1, &params_buffer_);
  glBindBuffer(GL_UNIFORM_BUFFER, params_buffer_);
  glBufferData(GL_UNIFORM_BUFFER, sizeof packed_, nullptr, GL_DYNAMIC_DRAW);
  glBindBuffer(GL_UNIFORM_BUFFER, 0);
  if (vertex_array_ == 0 || params_buffer_ == 0) {
    error_ = "boundary map: could not create GL objects";
    failed_ = true;
    return false;
  }
  ready_ = true;
  return true;
}

bool GlBoundaryRenderer::set_network(const bp::Network& net, std::uint32_t features) {
  if (!init()) return false;
  if (!boundary_params::fits(net)) {
    error_ = "the map shows networks of at most " + std::to_string(boundary_params::kMaxLayers) +
             " layers of " + std::to_string(boundary_params::kMaxUnits) + " units";
    return false;
  }
  if (bp::feature_count(features) != net.input_size()) {
    error_ = "the feature mask does not match the network's inputs";
    return false;
  }
  const NetworkShape shape = shape_of(net, features);
  const bool new_shape = !(shape == shape_);
  shape_ = shape;
  const int cursor = boundary_params::pack(net, &packed_, &offset_);  // in vec4
  // Upload only what changed since the last call (nothing while training is paused).
  const std::size_t bytes = std::size_t(cursor) * 4 * sizeof(float);
  if (cursor != uploaded_vec4_ || std::memcmp(packed_.data(), uploaded_.data(), bytes) != 0) {
    glBindBuffer(GL_UNIFORM_BUFFER, params_buffer_);
    glBufferSubData(GL_UNIFORM_BUFFER, 0, static_cast<GLsizeiptr>(bytes), packed_.data());
    glBindBuffer(GL_UNIFORM_BUFFER, 0);
    std::copy(packed_.begin(), packed_.begin() + cursor * 4, uploaded_.begin());
    uploaded_vec4_ = cursor;
    ++params_version_;
  } else if (new_shape) {
    ++params_version_;  // e.g. another activation with the same parameters
  }
  return true;
}

bool GlBoundaryRenderer::ensure_target(Target* target, int width, int height, bool raw, int filter) {
  if (target->texture && target->width == width && target->height == height) return true;
  // Checked once, when the target is made: the check waits for the GPU process to finish every
  // command sent (a main-thread stall of tens of ms in SwiftShader), and a texture of the same
  // format at another size stays complete. MapRefresh resizes the training map's grid.
  const bool made = target->texture == 0;
  GLint previous_texture = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous_texture);
  if (!target->texture) glGenTextures(1, &target->texture);
  if (!target->framebuffer) glGenFramebuffers(1, &target->framebuffer);
  glBindTexture(GL_TEXTURE_2D, target->texture);
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
  const GLenum status = made ? glCheckFramebufferStatus(GL_FRAMEBUFFER) : GLenum(GL_FRAMEBUFFER_COMPLETE);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_framebuffer));
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    error_ = "boundary map framebuffer incomplete";
    glDeleteTextures(1, &target->texture);
    target->texture = 0;  // made again, and checked again, on the next call
    target->width = target->height = 0;
    return false;
  }
  target->width = width;
  target->height = height;
  return true;
}

bool GlBoundaryRenderer::draw(bool raw, const MapRequest& r, const Target& target, int x, int y,
                            int width, int height) {
  const int out_layer = r.layer < 0 ? shape_.layers - 1 : r.layer;
  if (!ready_ || shape_.layers == 0 || out_layer >= shape_.layers || r.unit < 0 ||
      r.unit >= shape_.size[out_layer] || width <= 0 || height <= 0 || !(r.hi > r.lo) ||
      (r.class_map && (out_layer != shape_.layers - 1 || shape_.size[out_layer] < 2 ||
                       shape_.size[out_layer] > lab::kMaxClassColours))) {
    error_ = "boundary map: nothing to draw for this request";
    return false;
  }
  const SavedState saved;
  // One program per layer shown, each computing no further than that layer: a program that could
  // show any unit keeps every layer's values live to the end, and llvmpipe then got the last
  // hidden layers of large networks wrong.
  const Program* p = program(out_layer, raw);
  if (p == nullptr) return false;
  glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
  glViewport(x, y, width, height);
  for (GLenum cap : {GL_BLEND, GL_SCISSOR_TEST, GL_DEPTH_TEST, GL_CULL_FACE}) glDisable(cap);
  glUseProgram(p->id);
  glBindBufferBase(GL_UNIFORM_BUFFER, 0, params_buffer_);
  glBindVertexArray(vertex_array_);

  glUniform2f(p->origin, static_cast<float>(x), static_cast<float>(y));
  glUniform2f(p->lo, static_cast<float>(r.lo), static_cast<float>(r.lo));
  glUniform2f(p->step, static_cast<float>((r.hi - r.lo) / width), static_cast<float>((r.hi - r.lo) / height));
  if (p->unit >= 0) glUniform1i(p->unit, r.unit);
  if (p->class_map >= 0) glUniform1i(p->class_map, r.class_map);
  if (!raw) {
    glUniform2f(p->range, static_cast<float>(r.value_lo), static_cast<float>(r.value_hi));
    glUniform1i(p->discrete, r.discrete);
    glUniform1i(p->contour, r.contour);
    glUniform1f(p->line_px, r.line_px);
    if (r.class_map) {
      float palette[3 * lab::kMaxClassColours];
      for (int k = 0; k < lab::kMaxClassColours; ++k) {
        palette[3 * k] = lab::kClassColours[k].r;
        palette[3 * k + 1] = lab::kClassColours[k].g;
        palette[3 * k + 2] = lab::kClassColours[k].b;
      }
      glUniform3fv(p->class_colour, lab::kMaxClassColours, palette);
      glUniform1f(p->classes, static_cast<float>(shape_.size[out_layer]));
    }
  }
  glDrawArrays(GL_TRIANGLES, 0, 3);
  return true;
}

bool GlBoundaryRenderer::timed_draw(const MapRequest& request, const Target& target, int width,
                                    int height) {
  timer_.begin(long(width) * height);
  const bool drawn = draw(false, request, target, 0, 0, width, height);
  timer_.end();
  return drawn;
}

unsigned GlBoundaryRenderer::render(const MapRequest& request, int width, int height, int grid) {
  const int grid_w = grid > 0 ? std::min(width, grid) : width;
  const int grid_h = grid > 0 ? std::min(height, grid) : height;
  const bool stretch = grid_w != width || grid_h != height;
  if (map_valid_ && map_version_ == params_version_ && map_width_ == width && map_height_ == height &&
      map_grid_ == (stretch ? grid : 0) && map_request_ == request)
    return map_.texture;
  map_valid_ = false;
  // Shown 1:1, so nearest sampling gives the texels exactly, for less work than linear.
  if (!ready_ || width <= 0 || height <= 0 || !ensure_target(&map_, width, height, false, GL_NEAREST))
    return 0;
  if (!stretch) {
    if (!timed_draw(request, map_, width, height)) return 0;
  } else {
    // The line keeps its width in device pixels but is at least a texel of the grid wide.
    MapRequest coarse = request;
    coarse.line_px = std::max(1.0f, request.line_px * float(grid_w) / float(width));
    if (!ensure_target(&coarse_, grid_w, grid_h, false, GL_LINEAR) ||
        !timed_draw(coarse, coarse_, grid_w, grid_h))
      return 0;
    const SavedState saved;
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, coarse_.framebuffer);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, map_.framebuffer);
    glBlitFramebuffer(0, 0, grid_w, grid_h, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_LINEAR);
  }
  map_valid_ = true;
  ++drawings_;
  map_version_ = params_version_;
  map_width_ = width;
  map_height_ = height;
  map_grid_ = stretch ? grid : 0;
  map_request_ = request;
  return map_.texture;
}

unsigned GlBoundaryRenderer::render_tile(const MapRequest& request, int x, int y, int size) {
  if (!ready_ || x < 0 || y < 0 || x + size > kAtlasSize || y + size > kAtlasSize ||
      !ensure_target(&atlas_, kAtlasSize, kAtlasSize, false, GL_LINEAR))
    return 0;
  if (!draw(false, request, atlas_, x, y, size, size)) return 0;
  ++drawings_;
  return atlas_.texture;
}

bool GlBoundaryRenderer::sample(const MapRequest& request, int size,
                              const std::vector<std::array<double, 2>>& points,
                              std::vector<ShaderSample>* out) {
  if (!ready_ || size <= 0 || !ensure_target(&readback_, size, size, true, GL_NEAREST) ||
      !draw(true, request, readback_, 0, 0, size, size))
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

std::unique_ptr<BoundaryRenderer> platform::make_boundary_renderer() {
  return std::make_unique<GlBoundaryRenderer>();
}

}  // namespace bplab
