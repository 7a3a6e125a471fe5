#include "check_lessons.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "course.h"
#include "model_io.h"

namespace bplab {

int run_check_lessons(int argc, const char* const* argv) {
  if (argc < 2 || std::strcmp(argv[1], "--check-lessons") != 0) return -1;
  if (argc == 2) {
    std::fputs("usage: bplab-lab --check-lessons FILE.json…\n", stderr);
    return 2;
  }
  // One course for all the files, so that two of them with the same id are reported as they
  // would be in the lab's lesson folder.
  lessons::Course course;
  for (int i = 2; i < argc; ++i) {
    const std::string file = argv[i];
    std::string text;
    if (const bp::Status s = bp::read_file(file, &text); !s) {
      course.errors.push_back(s.message());
      continue;
    }
    const std::size_t before = course.lessons.size();
    lessons::add_lesson(text, file, &course);
    if (course.lessons.size() > before) {
      const lessons::Lesson& l = course.lessons.back();
      std::printf("%s: ok (lesson %s, %zu step%s)\n", file.c_str(), l.id.c_str(), l.steps.size(),
                  l.steps.size() == 1 ? "" : "s");
    }
  }
  for (const std::string& e : course.errors) std::fprintf(stderr, "%s\n", e.c_str());
  return course.errors.empty() ? 0 : 1;
}

}  // namespace bplab
