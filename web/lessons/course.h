// The course: every lesson file of a folder, in file-name order ("01-…", "02-…", …). The same
// call serves both builds: natively the folder is on disk, on the web it is embedded in the
// module's file system (assets/ → /assets).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "lesson.h"

namespace lessons {

struct Course {
  std::vector<Lesson> lessons;
  // One message per file that could not be used, naming it; the other lessons still load.
  std::vector<std::string> errors;

  // Index into lessons, or −1.
  int find(std::string_view id) const;
};

// Reads every *.json file of dir, sorted by name. A missing folder is one error.
Course load_course(const std::string& dir);

// Adds a lesson file's text to the course (as load_course does for each file): a malformed
// lesson or a repeated id becomes an error.
void add_lesson(std::string_view text, const std::string& file, Course* course);

}  // namespace lessons
