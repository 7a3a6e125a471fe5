// The part of the platform services that the main loops drive (not the app).
#pragma once
#include <string>

namespace bplab::platform {

// Call after the frame is drawn and before it is presented: takes a requested screenshot.
void after_render();

// Native only: the values of --hash and --export-dir.
void configure_native(const std::string& hash, const std::string& export_dir);

}  // namespace bplab::platform
