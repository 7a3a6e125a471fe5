// The course: every lesson file of a folder, in file-name order ("01-…", "02-…", …). The same
// call serves both builds: natively the folder is on disk, on the web it is embedded in the
// module's file system (assets/ → /assets).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "lesson.h"
#include "status.h"

namespace lessons {

// A teacher's own lesson file, imported in the Lessons tab or loaded by a link (#lessons=), kept
// as its text so that it can be stored and read again on the next visit.
struct ImportedFile {
  std::string id, file, text;
  bool operator==(const ImportedFile& o) const { return id == o.id && file == o.file && text == o.text; }
};

struct Course {
  std::vector<Lesson> lessons;
  // One message per file that could not be used, naming it; the other lessons still load.
  std::vector<std::string> errors;
  // The files of the lessons that were imported, in the order they were first imported.
  std::vector<ImportedFile> imported;

  // Index into lessons, or −1.
  int find(std::string_view id) const;
};

// Reads every *.json file of dir, sorted by name. A missing folder is one error.
Course load_course(const std::string& dir);

// Adds a lesson file's text to the course (as load_course does for each file): a malformed
// lesson or a repeated id becomes an error.
void add_lesson(std::string_view text, const std::string& file, Course* course);

// Imports a teacher's lesson file into the course. A lesson with the id of an imported one
// replaces it in its place (a teacher edits the file and imports it again to see the change); a
// malformed file (the message names the file and place) or the id of a lesson that was not
// imported (a shipped one) is refused, and then nothing changes. *index: the lesson's index.
bp::Status import_lesson(std::string_view text, const std::string& file, Course* course, int* index);

// The imported files as JSON, for storage: [{"id": …, "file": …, "text": …}, …]. On error *out
// is untouched.
std::string imported_to_json(const std::vector<ImportedFile>& files);
bp::Status imported_from_json(std::string_view json, std::vector<ImportedFile>* out);

}  // namespace lessons
