// The C functions that web/shell/index.html calls (through Module.ccall) to implement
// window.lab.state() and window.lab.itemRect(label).
#pragma once
#include "lab_app.h"

namespace bplab::web_bridge {

// The app whose state the bridge reports; must outlive the page.
void attach(const LabApp* app);

}  // namespace bplab::web_bridge
