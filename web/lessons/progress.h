// Progress through the course, kept between visits: the platform layer stores to_json() (browser
// localStorage on the web, a file natively) and hands the text back to from_json() at start.
//   {"format": "bplab-progress", "version": 1,
//    "lessons": {"guessing-a-weight": {"step": 2, "completed": 3, "checks": [1, 0, -1]}, …}}
// ("checks" only once a check was answered.)
// Keyed by lesson id, so adding, removing or renumbering lesson files keeps the rest.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace lessons {

struct LessonProgress {
  int step = 0;       // the step the learner was on (resumed there)
  int completed = 0;  // steps 0 … completed − 1 are done (their tasks held); Next is open up to here
  // The end-of-lesson checks, by index: -1 not answered, 0 answered wrong, 1 right (latest answer).
  std::vector<int> checks;
  bool operator==(const LessonProgress& o) const {
    return step == o.step && completed == o.completed && checks == o.checks;
  }
};

struct Progress {
  std::map<std::string, LessonProgress, std::less<>> lessons;

  // The entry of a lesson (all zero when it was never opened).
  LessonProgress of(std::string_view id) const;
  // Forgets one lesson, or everything.
  void reset(std::string_view id);
  void reset_all() { lessons.clear(); }

  std::string to_json() const;
  // On error *out is untouched and the message says what is wrong with the stored text.
  static bp::Status from_json(std::string_view text, Progress* out);

  bool operator==(const Progress& o) const { return lessons == o.lessons; }
};

}  // namespace lessons
