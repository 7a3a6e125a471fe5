// Writing result files without ever leaving a half-written one behind.
#pragma once
#include <string>

#include "status.h"

namespace bp::cli {

// Writes text to path + ".tmp", then renames it over path, so path holds either its old content
// or the complete new one. Errors name the file.
Status write_file_atomically(const std::string& path, const std::string& text);

}  // namespace bp::cli
