// The UI scale: how large the whole lab is drawn, independent of the device's pixel ratio, for
// learners who need larger text and controls. At scale s the platform gives ImGui a display of
// (window size) / s units, each s CSS pixels, and the font is rasterised at 16 · s · ratio device
// pixels, so text, controls and the panel layout all grow together and stay sharp.
#pragma once

namespace bplab::ui_scale {

// The choices, as the setting lists them: 100 %, 125 %, 150 %, 175 %, 200 %.
constexpr int kPercents[] = {100, 125, 150, 175, 200};

// The learner's scale (1 = 100 %), kept in the platform's storage across visits.
float factor();
// Sets it from a percentage; one that is not among kPercents is refused (returns false).
bool set_percent(int percent);
// The "UI scale" combo, with its "(?)" help, recorded for tests under "UI scale".
void draw_setting();

}  // namespace bplab::ui_scale
