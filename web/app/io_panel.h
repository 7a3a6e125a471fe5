// Import and export: the model (the CLI's JSON format), the loss history (CSV), a screenshot
// (PNG), and data (CSV). Downloads in the browser, files natively.
#pragma once
#include "ui_context.h"

namespace bplab {

void draw_io_panel(UiContext& ui);

// Applies files the platform delivered since the last frame (the browser's picker answers
// asynchronously). A bad file changes nothing and names itself in the error.
void apply_opened_files(UiContext& ui);

}  // namespace bplab
