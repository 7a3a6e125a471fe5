// The output map's fragment shader against the engine: for every activation, the value the shader
// computes for a pixel (read back exactly, as float bits) must match Lab::predict at that pixel's
// centre within 1e-3 (float against double); for several classes, the winning class and its
// probability must match Lab::predict_all. Needs a GL 3.3 context: run under xvfb-run.
#include <gtest/gtest.h>

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "activation.h"
#include "boundary_view.h"
#include "gl.h"
#include "gl_boundary_renderer.h"
#include "input_features.h"
#include "lab.h"

namespace {

constexpr double kTolerance = 1e-3;
// Every input feature of the engine's table (x₁ x₂ x₁² x₂² x₁x₂ sin x₁ sin x₂).
std::uint32_t all_features() { return (1u << bp::features().size()) - 1; }

class BoundaryShader : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_EQ(SDL_Init(SDL_INIT_VIDEO), 0) << SDL_GetError();
    // The native app's context (web/platform/lab_window.cpp).
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    window_ = SDL_CreateWindow("boundary shader test", 0, 0, 64, 64, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    ASSERT_NE(window_, nullptr) << SDL_GetError();
    context_ = SDL_GL_CreateContext(window_);
    ASSERT_NE(context_, nullptr) << SDL_GetError();
  }
  static void TearDownTestSuite() {
    SDL_GL_DeleteContext(context_);
    SDL_DestroyWindow(window_);
    SDL_Quit();
  }

  // A lab with these settings, trained for a few iterations so that biases and weights are
  // neither the initial ones nor small.
  static void make_lab(lab::Lab* l, const lab::Settings& s) {
    const bp::Status st = l->apply(s);
    ASSERT_TRUE(st.is_ok()) << st.message();
    for (int k = 0; k < 20; ++k) l->step();
    ASSERT_TRUE(l->network().is_finite());
  }

  void expect_match(bplab::BoundaryRenderer& renderer, const lab::Lab& l, int layer, int unit,
                    const std::string& what) {
    const bplab::ShaderCheck c = bplab::check_shader(renderer, l, layer, unit);
    ASSERT_TRUE(c.error.empty()) << what << ": " << c.error;
    EXPECT_EQ(c.points, 49) << what;
    EXPECT_LE(c.max_error, kTolerance)
        << what << ": worst at (" << c.worst_x1 << ", " << c.worst_x2 << ")";
  }

  static SDL_Window* window_;
  static SDL_GLContext context_;
};
SDL_Window* BoundaryShader::window_ = nullptr;
SDL_GLContext BoundaryShader::context_ = nullptr;

// Every hidden activation with every elementwise output activation, on a three-hidden-layer
// network over every feature: the output and a unit of every layer. (Software GL takes seconds to
// compile the largest network's straight-line program, so that one is checked once, below.)
TEST_F(BoundaryShader, MatchesTheEngineForEveryActivation) {
  const bp::ActivationId elementwise[] = {bp::ActivationId::Sigmoid, bp::ActivationId::Tanh,
                                          bp::ActivationId::Relu, bp::ActivationId::Linear};
  bplab::GlBoundaryRenderer renderer;
  for (bp::ActivationId hidden : elementwise) {
    for (bp::ActivationId output : elementwise) {
      lab::Settings s;
      s.features = all_features();
      s.hidden = {6, 5, 4};
      s.hidden_activation = hidden;
      s.output_activation = output;
      s.hyper.learning_rate = 0.01;
      lab::Lab l;
      make_lab(&l, s);
      const std::string what = std::string("hidden ") + bp::activation(hidden).name + ", output " +
                               bp::activation(output).name;
      expect_match(renderer, l, -1, 0, what + ", output unit");
      for (int layer = 0; layer < l.network().num_layers() - 1; ++layer)
        expect_match(renderer, l, layer, layer % l.network().size(layer),
                     what + ", layer " + std::to_string(layer));
    }
  }
}

// The largest network the lab allows (every feature, 6 hidden layers of 16): its output.
TEST_F(BoundaryShader, MatchesTheLargestNetwork) {
  bplab::GlBoundaryRenderer renderer;
  lab::Settings s;
  s.features = all_features();
  s.hidden = {16, 16, 16, 16, 16, 16};
  s.hyper.learning_rate = 0.01;
  lab::Lab l;
  make_lab(&l, s);
  expect_match(renderer, l, -1, 0, "largest network, output unit");
}

// Each input feature alone (layer 0 of the map is the feature itself).
TEST_F(BoundaryShader, MatchesEveryInputFeature) {
  bplab::GlBoundaryRenderer renderer;
  lab::Lab l;
  lab::Settings s;
  s.features = all_features();
  make_lab(&l, s);
  for (int k = 0; k < int(bp::features().size()); ++k) expect_match(renderer, l, 0, k, "feature " + std::to_string(k));
}

// The default lab (2 features, 4 + 2 tanh, sigmoid output) as a learner first sees it.
TEST_F(BoundaryShader, MatchesTheDefaultLab) {
  bplab::GlBoundaryRenderer renderer;
  lab::Lab l;
  make_lab(&l, l.settings());
  expect_match(renderer, l, -1, 0, "default lab");
}

// Softmax normalises over the output layer: several outputs from a two-target CSV.
TEST_F(BoundaryShader, MatchesSoftmaxOutputs) {
  std::string csv = "x1,x2,a,b\n";
  for (int k = 0; k < 40; ++k) {
    const double x1 = -1.0 + k / 20.0, x2 = 1.0 - k / 25.0;
    csv += std::to_string(x1) + "," + std::to_string(x2) + (x1 * x2 > 0 ? ",1,0\n" : ",0,1\n");
  }
  lab::Lab l;
  const bp::Status imported = l.import_csv(csv, 2);
  ASSERT_TRUE(imported.is_ok()) << imported.message();
  lab::Settings s = l.settings();
  s.output_activation = bp::ActivationId::Softmax;
  s.loss = bp::LossId::Ce;
  make_lab(&l, s);
  ASSERT_EQ(l.network().output_size(), 2);
  bplab::GlBoundaryRenderer renderer;
  for (int unit = 0; unit < 2; ++unit) expect_match(renderer, l, -1, unit, "softmax output " + std::to_string(unit));
}

// Several classes (softmax over 3 and 4 outputs): the class map's winning class and its probability
// against Lab::predict_all, and each output unit's own map against predict.
TEST_F(BoundaryShader, ClassMapMatchesTheEngineForSeveralClasses) {
  bplab::GlBoundaryRenderer renderer;
  for (const char* dataset : {"spiral3", "blobs4"}) {
    lab::Lab l;
    lab::Settings s;
    s.dataset = dataset;
    s.hidden = {8, 6};
    s.hyper.learning_rate = 0.05;
    make_lab(&l, s);
    const int k = std::string(dataset) == "spiral3" ? 3 : 4;
    ASSERT_EQ(l.network().output_size(), k);
    ASSERT_EQ(l.settings().output_activation, bp::ActivationId::Softmax);
    const bplab::ShaderCheck c = bplab::check_class_shader(renderer, l);
    ASSERT_TRUE(c.error.empty()) << dataset << ": " << c.error;
    EXPECT_EQ(c.points, 49) << dataset;
    EXPECT_LE(c.max_error, kTolerance) << dataset << ": worst at (" << c.worst_x1 << ", " << c.worst_x2 << ")";
    for (int unit = 0; unit < k; ++unit)
      expect_match(renderer, l, -1, unit, std::string(dataset) + " output " + std::to_string(unit));
  }
}

// Prints the time to build the network's output map program (generated per architecture, so paid
// when the architecture changes) and to render its map at 512² and 1024² device pixels.
void report_frame_time(const lab::Lab& l) {
  bplab::GlBoundaryRenderer renderer;
  const std::uint32_t features = l.settings().features;
  ASSERT_TRUE(renderer.set_network(l.network(), features));
  std::string shape = std::to_string(l.network().size(0));
  for (int k = 1; k < l.network().num_layers(); ++k) shape += "-" + std::to_string(l.network().size(k));
  const char* gpu = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  bplab::MapRequest r;
  r.contour = true;
  glFinish();
  auto start = std::chrono::steady_clock::now();
  ASSERT_NE(renderer.render(r, 1, 1, 0), 0u);
  glFinish();
  const auto ms_since = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  std::printf("network %s: %.1f ms to build the program on %s\n", shape.c_str(), ms_since(), gpu);
  for (int size : {512, 1024}) {
    ASSERT_NE(renderer.render(r, size, size, 0), 0u);  // allocate outside the timing
    glFinish();
    const int frames = 5;
    start = std::chrono::steady_clock::now();
    for (int f = 0; f < frames; ++f) {
      // A map is drawn again only when something changed, as the weights do while training.
      r.value_hi = 1.0 + 1e-6 * (f + 1);
      renderer.set_network(l.network(), features);
      renderer.render(r, size, size, 0);
    }
    glFinish();
    std::printf("network %s, %d x %d px: %.1f ms per map on %s\n", shape.c_str(), size, size,
                ms_since() / frames, gpu);
    r.value_hi = 1.0;
  }
}

// Time per map of the default and the largest network (for the report, not a limit).
TEST_F(BoundaryShader, ReportsFrameTime) {
  lab::Settings largest;
  largest.features = all_features();
  largest.hidden = {16, 16, 16, 16, 16, 16};
  for (const lab::Settings& s : {lab::Settings{}, largest}) {
    lab::Lab l;
    make_lab(&l, s);
    report_frame_time(l);
  }
}

}  // namespace
