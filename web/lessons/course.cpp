#include "course.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "model_io.h"

namespace lessons {

int Course::find(std::string_view id) const {
  for (std::size_t k = 0; k < lessons.size(); ++k)
    if (lessons[k].id == id) return int(k);
  return -1;
}

void add_lesson(std::string_view text, const std::string& file, Course* course) {
  Lesson lesson;
  if (bp::Status s = parse_lesson(text, file, &lesson); !s) {
    course->errors.push_back(s.message());
    return;
  }
  if (const int other = course->find(lesson.id); other >= 0) {
    course->errors.push_back(file + ": id: \"" + lesson.id + "\" is already used by " +
                             course->lessons[other].file);
    return;
  }
  course->lessons.push_back(std::move(lesson));
}

Course load_course(const std::string& dir) {
  namespace fs = std::filesystem;
  Course course;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json") files.push_back(it->path());
  if (ec) {
    course.errors.push_back(dir + ": cannot read the lesson folder (" + ec.message() + ")");
    return course;
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  for (const fs::path& path : files) {
    std::string text;
    if (bp::Status s = bp::read_file(path.string(), &text); !s) {
      course.errors.push_back(s.message());
      continue;
    }
    add_lesson(text, path.filename().string(), &course);
  }
  return course;
}

}  // namespace lessons
