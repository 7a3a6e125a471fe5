#include "course.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
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

bp::Status import_lesson(std::string_view text, const std::string& file, Course* course, int* index) {
  Lesson lesson;
  if (bp::Status s = parse_lesson(text, file, &lesson); !s) return s;
  const auto same_id = [&](const ImportedFile& f) { return f.id == lesson.id; };
  const auto was_imported = std::find_if(course->imported.begin(), course->imported.end(), same_id);
  const int at = course->find(lesson.id);
  if (at >= 0 && was_imported == course->imported.end())
    return bp::Status::error(file + ": id: \"" + lesson.id + "\" is the id of the lab's lesson " +
                             course->lessons[at].file + "; give the lesson an id of its own");
  ImportedFile imported{lesson.id, file, std::string(text)};
  if (was_imported != course->imported.end())
    *was_imported = std::move(imported);
  else
    course->imported.push_back(std::move(imported));
  if (at >= 0) {
    course->lessons[at] = std::move(lesson);
    *index = at;
  } else {
    course->lessons.push_back(std::move(lesson));
    *index = int(course->lessons.size()) - 1;
  }
  return bp::Status::ok();
}

std::string imported_to_json(const std::vector<ImportedFile>& files) {
  nlohmann::json j = nlohmann::json::array();
  for (const ImportedFile& f : files) j.push_back({{"id", f.id}, {"file", f.file}, {"text", f.text}});
  return j.dump();
}

bp::Status imported_from_json(std::string_view json, std::vector<ImportedFile>* out) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return bp::Status::error("imported lessons: not a JSON list");
  std::vector<ImportedFile> files;
  for (const nlohmann::json& f : j) {
    if (!f.is_object() || !f.contains("id") || !f.contains("file") || !f.contains("text") ||
        !f["id"].is_string() || !f["file"].is_string() || !f["text"].is_string())
      return bp::Status::error("imported lessons: entry " + std::to_string(files.size()) +
                               " needs the strings id, file and text");
    files.push_back({f["id"], f["file"], f["text"]});
  }
  *out = std::move(files);
  return bp::Status::ok();
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
