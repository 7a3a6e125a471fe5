// bplab-lab --check-lessons FILE…: checks lesson files (docs/lessons.md) before a teacher
// publishes them, with the parser the lab itself loads them with (lessons::add_lesson), so a file
// that passes here loads in the lab. No window is opened and SDL is not initialised.
//
// Prints "FILE: ok (lesson ID, N steps)" per good file on stdout and one line per problem on
// stderr, naming the file and the place in it ("steps[2].task.condition: position 12: …"); two
// files with the same lesson id are a problem too. Exit code: 0 when every file is good, 1 when
// any is not, 2 when no file is given.
#pragma once

namespace bplab {

// The exit code when argv[1] is --check-lessons (the check ran), −1 otherwise (start the lab).
int run_check_lessons(int argc, const char* const* argv);

}  // namespace bplab
