// DiagramRefresh: when the network diagram takes the network's current weights while the lab
// trains. Each change of a weight moves the vertices of its line, so a diagram that followed every
// frame would be redrawn whole every frame; a software rasteriser (SwiftShader) pays per triangle
// and per blended pixel, and for the largest network (1408 connections) that redraw halved the
// training frame rate (docs/page_performance.md). Like the output map (MapRefresh), the diagram
// then follows the weights hz() times a second, fewer for more connections:
//   hz = clamp(kConnectionsPerSecond / connections, kMinHz, kMaxHz).
// Paused, it takes them every frame, so a Step or an edit shows at once.
#pragma once

namespace bplab {

class DiagramRefresh {
 public:
  static constexpr double kMaxHz = 15, kMinHz = 4;
  static constexpr double kConnectionsPerSecond = 8000;

  // Refreshes per second of a diagram with this many connections while training.
  static double hz(long connections);
  // Whether the diagram takes the weights in the frame at time now_s (seconds): always when not
  // training, else once 1/hz has passed since it last took them. Remembers when it did.
  bool due(double now_s, bool training, long connections);
  // Takes them at the next due() whatever the time (the diagram changed shape, or the point it
  // shows moved).
  void expire() { taken_s_ = kNever; }

 private:
  static constexpr double kNever = -1e300;
  double taken_s_ = kNever;
};

}  // namespace bplab
