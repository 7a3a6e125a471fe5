// A teacher's own lessons (course.h: import_lesson): an imported file joins the shipped course, a
// file with the id of an imported lesson replaces it in place, an id of a shipped lesson or a
// malformed file is refused with nothing changed, the imported files round-trip through the JSON
// that is stored, and the runner leaves a lesson that an import replaced.
#include <gtest/gtest.h>

#include "course.h"
#include "lab.h"
#include "lesson_runner.h"
#include "progress.h"

namespace {

using lessons::Course;
using lessons::ImportedFile;

// A one-step lesson file with this id and title.
std::string lesson_file(const std::string& id, const std::string& title, int steps = 1) {
  std::string s = R"({"format": "bplab-lesson", "version": 1, "id": ")" + id + R"(", "title": ")" + title +
                  R"(", "steps": [)";
  for (int k = 0; k < steps; ++k)
    s += std::string(k ? ", " : "") + R"({"title": "Step", "text": "E = {{loss_train}}", "setup": "ds=xor"})";
  return s + "]}";
}

Course shipped() {
  const Course c = lessons::load_course(BPLAB_LESSONS_DIR);
  EXPECT_TRUE(c.errors.empty());
  return c;
}

TEST(ImportedLessons, ANewLessonJoinsTheCourseAfterTheShippedOnes) {
  Course c = shipped();
  const std::size_t n = c.lessons.size();
  int index = -1;
  ASSERT_TRUE(lessons::import_lesson(lesson_file("my-neuron", "My neuron"), "my-neuron.json", &c, &index));
  EXPECT_EQ(index, int(n));
  ASSERT_EQ(c.lessons.size(), n + 1);
  EXPECT_EQ(c.lessons[n].title, "My neuron");
  EXPECT_EQ(c.lessons[n].file, "my-neuron.json");
  ASSERT_EQ(c.imported.size(), 1u);
  EXPECT_EQ(c.imported[0], (ImportedFile{"my-neuron", "my-neuron.json", lesson_file("my-neuron", "My neuron")}));
}

TEST(ImportedLessons, ImportingTheSameIdAgainReplacesTheLessonInPlace) {
  Course c = shipped();
  const std::size_t n = c.lessons.size();
  int first = -1, other = -1, again = -1;
  ASSERT_TRUE(lessons::import_lesson(lesson_file("mine", "Draft"), "mine.json", &c, &first));
  ASSERT_TRUE(lessons::import_lesson(lesson_file("theirs", "Other"), "theirs.json", &c, &other));
  ASSERT_TRUE(lessons::import_lesson(lesson_file("mine", "Edited", 3), "mine-v2.json", &c, &again));
  EXPECT_EQ(again, first);
  ASSERT_EQ(c.lessons.size(), n + 2) << "replaced, not added";
  EXPECT_EQ(c.lessons[first].title, "Edited");
  EXPECT_EQ(c.lessons[first].steps.size(), 3u);
  EXPECT_EQ(c.lessons[other].title, "Other");
  ASSERT_EQ(c.imported.size(), 2u);
  EXPECT_EQ(c.imported[0].file, "mine-v2.json");
  EXPECT_EQ(c.imported[0].text, lesson_file("mine", "Edited", 3));
  EXPECT_EQ(c.imported[1].id, "theirs");
}

TEST(ImportedLessons, AnIdOfAShippedLessonIsRefusedAndNothingChanges) {
  Course c = shipped();
  const Course before = c;
  const int at = c.find("momentum");
  ASSERT_GE(at, 0);
  int index = -7;
  const bp::Status s = lessons::import_lesson(lesson_file("momentum", "Mine"), "mine.json", &c, &index);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.message(), "mine.json: id: \"momentum\" is the id of the lab's lesson " + c.lessons[at].file +
                             "; give the lesson an id of its own");
  EXPECT_EQ(index, -7);
  EXPECT_EQ(c.lessons[at].title, before.lessons[at].title);
  EXPECT_EQ(c.lessons.size(), before.lessons.size());
  EXPECT_TRUE(c.imported.empty());
}

TEST(ImportedLessons, AMalformedFileIsRefusedWithItsPlaceAndTheCourseStays) {
  Course c = shipped();
  int index = -1;
  ASSERT_TRUE(lessons::import_lesson(lesson_file("mine", "Good"), "mine.json", &c, &index));
  const std::size_t n = c.lessons.size();
  std::string broken = lesson_file("mine", "Broken");
  broken.replace(broken.find("\"setup\": \"ds=xor\""), 17, "\"setup\": \"lr=fast\"");
  const bp::Status s = lessons::import_lesson(broken, "mine.json", &c, &index);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.message(), "mine.json: steps[0].setup: link: lr=\"fast\" is not a valid value");
  EXPECT_EQ(lessons::import_lesson("{\"id\": ", "x.json", &c, &index).message().rfind("x.json: parse error", 0), 0u);
  ASSERT_EQ(c.lessons.size(), n);
  EXPECT_EQ(c.lessons[index].title, "Good") << "the imported lesson before the bad file stays";
  ASSERT_EQ(c.imported.size(), 1u);
  EXPECT_EQ(c.imported[0].text, lesson_file("mine", "Good"));
}

TEST(ImportedLessons, TheStoredListRoundTripsAndADamagedOneIsRefused) {
  const std::vector<ImportedFile> files = {{"a", "a.json", "{\"x\": \"é\\n\"}"}, {"b", "dir/b.json", ""}};
  std::vector<ImportedFile> back;
  ASSERT_TRUE(lessons::imported_from_json(lessons::imported_to_json(files), &back));
  EXPECT_EQ(back, files);
  EXPECT_EQ(lessons::imported_to_json({}), "[]");
  for (const char* bad : {"", "{}", "[1]", R"([{"id": "a", "file": "a.json"}])", R"([{"id": 1, "file": "", "text": ""}])"}) {
    std::vector<ImportedFile> kept = files;
    EXPECT_FALSE(lessons::imported_from_json(bad, &kept)) << bad;
    EXPECT_EQ(kept, files) << bad;
  }
}

TEST(ImportedLessons, TheRunnerLeavesALessonThatAnImportReplaced) {
  lab::Lab lab;
  lessons::LessonRunner runner(shipped(), lessons::Progress());
  int mine = -1, other = -1;
  ASSERT_TRUE(runner.import_lesson(lesson_file("mine", "Draft", 2), "mine.json", &mine));
  ASSERT_TRUE(runner.open(mine, &lab));
  ASSERT_TRUE(runner.import_lesson(lesson_file("other", "Other"), "other.json", &other));
  EXPECT_EQ(runner.lesson_index(), mine) << "another lesson's import keeps the open one";
  ASSERT_TRUE(runner.import_lesson(lesson_file("mine", "Edited", 1), "mine.json", &mine));
  EXPECT_FALSE(runner.active()) << "its steps may have changed";
  ASSERT_TRUE(runner.open(mine, &lab));
  EXPECT_EQ(runner.lesson()->title, "Edited");
  EXPECT_FALSE(runner.import_lesson(lesson_file("momentum", "x"), "x.json", &other));
  EXPECT_TRUE(runner.active()) << "a refused import changes nothing";
}

}  // namespace
