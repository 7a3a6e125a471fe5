// The backprop inspector: one training sample and one weight w_ji, stepped through the forward
// pass (θ and y per unit), then the backward pass in the chain rule's order — ∂E/∂θ_j, then
// ∂E/∂y_i, then ∂E/∂w_ji — with each formula and its actual numbers, the numerical check
// (central difference) beside the analytic value, and the update −η·g + μ·v it leads to.
#pragma once
#include "ui_context.h"

namespace bplab {

void draw_inspector_view(UiContext& ui);
// The walk's Back / Next step / Show all / Restart buttons (the Graph tab shares them).
void draw_inspector_steps(UiContext& ui);

}  // namespace bplab
