// The URL hash: every setting of the lab as "key=value&…", so that a link reproduces a set-up.
//   ds=circle&n=400&noise=0.1&ratio=0.5&dseed=1&f=x1,x2&h=4,2&act=tanh&out=sigmoid&loss=half-sse
//   &init=xavier&seed=1&lr=0.03&mom=0&bs=10&l1=0&l2=0&speed=1&hide=data,arch
// and the Landscape view's plane, grid and range (landscape_options.h), e.g. land=hessian:65:2,
// and the loss curve's x axis, lx=iteration (the default) or lx=epoch.
// Keys may be omitted (the default applies). A link is accepted whole or not at all: an unknown
// key, a malformed value or a setting out of range rejects it with a message naming the key.
//
// A link may also open a lesson at a step (decode_link, encode_link), beside the settings:
//   lesson=momentum&step=2
// lesson is a lesson's id (docs/lessons.md); step counts from 1 as the Lesson window shows it
// ("step 2 of 7"), and without it the lesson opens where the learner left it. step needs lesson.
// While a lesson is open the page's hash carries both, so a reload returns to the same step.
// Whether the lesson exists and has that step is for the caller, which knows the course.
//
// A link may embed the lab in a course page's iframe, with the views it names only:
//   embed=1&panels=boundary,loss_curve
// embed=1 draws the panels without title bars and leaves out the Files and Lessons tabs; panels
// lists the views shown (the names of a lesson step's "show", docs/lessons.md: controls, network,
// boundary, loss_curve, inspector, update_sizes, landscape; without it, all). panels needs embed.
// These keys are how the page is shown, not the lab's settings, so they live here and not in
// Settings: a lesson's set-up never changes them. Whether the names are views is for the caller.
//
// A link may load a teacher's lesson files that the page's own host serves, before it opens one:
//   lessons=course/intro.json,course/trees.json&lesson=intro
// Each is a path relative to the page's folder (letters, digits, '.', '_', '-' and '/'): an
// absolute path, "//host", "scheme:" or a ".." segment is refused here, before anything is fetched.
// A lesson such a link opens is looked for once the files have arrived.
// A link may skip the card a first-time visitor is offered ("Start the course" or "Free lab"),
// so that a teacher's link or a test opens straight into the lab:
//   welcome=0
// welcome=1 is the default: the card shows until the visitor has dismissed it once.
// Lesson set-ups (a step's "setup") are settings only: decode_hash refuses the keys of LinkTarget.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "number_text.h"
#include "settings.h"
#include "status.h"

namespace lab {

constexpr std::size_t kMaxHashLength = 2048;

std::string encode_hash(const Settings& s);
// On error *out is untouched. A leading '#' is allowed; %XX escapes are decoded.
bp::Status decode_hash(std::string_view hash, Settings* out);

constexpr int kMaxLinkStep = 999;

constexpr std::size_t kMaxLinkPanels = 16;
constexpr std::size_t kMaxLinkLessonFiles = 16;

// What a link opens beside the settings: a place in a lesson, and how the page is shown.
struct LinkTarget {
  std::string lesson;  // a lesson id; empty: no lesson
  int step = 0;        // 1 … kMaxLinkStep; 0: where the learner left the lesson
  bool embed = false;               // embed=1: the frame for an iframe
  std::vector<std::string> panels;  // the views an embedded frame shows; empty: all
  std::vector<std::string> lesson_files;  // lesson files to load, relative to the page
  bool welcome = true;  // welcome=0: the first-visit card is never offered
  bool operator==(const LinkTarget& o) const {
    return lesson == o.lesson && step == o.step && embed == o.embed && panels == o.panels &&
           lesson_files == o.lesson_files && welcome == o.welcome;
  }
};

// The settings, then welcome=0 when the card is skipped, lesson and step when target names a
// lesson, then embed, panels and lessons.
std::string encode_link(const Settings& s, const LinkTarget& target);
// decode_hash that also reads the keys of LinkTarget. On error *out and *target are untouched.
bp::Status decode_link(std::string_view hash, Settings* out, LinkTarget* target);

}  // namespace lab
