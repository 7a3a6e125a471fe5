// The C functions that web/shell/lab_page.js calls (through Module.ccall) to implement
// window.lab.state(), window.lab.itemRect(label), window.lab.redrawAll() and the lesson's
// window.lab.lesson(), lessonAction(name) and answer(text) (read by web/shell/a11y_layer.js),
// and one for the console (bplab_boundary_check).
#pragma once
#include "lab_app.h"

namespace bplab::web_bridge {

// The app whose state the bridge reports; must outlive the page.
void attach(LabApp* app);

}  // namespace bplab::web_bridge
