// The dedicated views of single-weight lesson steps (docs/lessons.md, "Widgets"), drawn with
// ImDrawList into the current window. They only draw: every number comes from the lab
// (Lab::inspector_trace, error_curve, inspector_slope, weight_after_step) or from the engine's
// activation table, so the widgets show exactly what the lab computes.
//   weight_slider  the selected weight w, and for the inspected sample x, y, t and e = y − t
//   sigmoid_plot   y = 1/(1 + e^−θ) over θ with the threshold 0.5, the inspected unit's θ and
//                  its slope f′(θ) = y(1 − y)
//   error_curve    E(w) with the tangent at the current w and the next step's landing point
// Each has a slider for the selected weight over the widget's range (Ctrl+click types a value);
// the error curve can also be dragged.
#pragma once
#include <string>

#include "ui_context.h"

namespace bplab {

// Draws widget `name` (lessons::widget_names()) with the horizontal range [lo, hi] (w, or θ for
// the sigmoid plot) filling the rest of the current window. reveal = false hides the numbers a
// learner could be asked to type (y and e, the slope, the next w): a step that asks for a typed
// answer must not print it next to the field; the curves still show them graphically.
void draw_lesson_widget(const std::string& name, double lo, double hi, bool reveal, UiContext& ui);

// The window title of a widget ("E(w): gradient descent", …).
const char* lesson_widget_title(const std::string& name);

}  // namespace bplab
