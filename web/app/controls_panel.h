// The controls: training (Play/Pause, Step, Step epoch, Reset, speed), hyperparameters (learning
// rate, momentum, batch size), the network (layers, neurons, activations, loss, initialisation,
// seed, regularisation), input features and data. Each control has a "(?)" tooltip; controls a
// teacher hid with classroom flags are not drawn; groups a lesson step locks (UiContext) are drawn
// disabled.
#pragma once
#include "ui_context.h"

namespace bplab {

void draw_controls_panel(UiContext& ui);

// Space toggles Play unless a text field has the keyboard, keyboard navigation shows a focused
// item (Space activates that item), or a lesson step locks training.
void handle_play_shortcut(UiContext& ui);

}  // namespace bplab
