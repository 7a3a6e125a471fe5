#include "lesson_checks.h"

#include <cmath>
#include <cstdlib>

#include "answer_text.h"
#include "imgui.h"
#include "item_registry.h"
#include "wrapped_text.h"

namespace bplab {
namespace {

const ImVec4 kRightColour(0.47f, 0.86f, 0.47f, 1.0f);
const ImVec4 kWrongColour(1.0f, 0.6f, 0.4f, 1.0f);
const ImVec4 kExplainColour(0.78f, 0.78f, 0.7f, 1.0f);

}  // namespace

void LessonChecksView::draw(lessons::LessonRunner& runner) {
  const lessons::Lesson* lesson = runner.lesson();
  if (!lesson || lesson->checks.empty()) return;
  const int n = int(lesson->checks.size());
  if (lesson_ != lesson->id) {
    lesson_ = lesson->id;
    choice_.assign(n, -1);
    typed_.assign(n, std::string());
  }
  ImGui::Spacing();
  ImGui::SeparatorText("Check yourself");
  for (int k = 0; k < n; ++k) {
    const lessons::Check& c = lesson->checks[k];
    const std::string id = "Check " + std::to_string(k + 1);
    ImGui::PushID(k);
    text_wrapped(std::to_string(k + 1) + ". " + c.question);
    double value = 0;
    bool ready = false;
    if (!c.numeric()) {
      for (int choice = 0; choice < int(c.choices.size()); ++choice) {
        ImGui::RadioButton(c.choices[choice].c_str(), &choice_[k], choice);
        item_registry::record((id + " choice " + std::to_string(choice + 1)).c_str());
      }
      ready = choice_[k] >= 0;
      value = choice_[k];
    } else {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%s", typed_[k].c_str());
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      if (ImGui::InputText("##number", buffer, sizeof buffer, ImGuiInputTextFlags_CharsScientific))
        typed_[k] = buffer;
      item_registry::record((id + " answer").c_str());
      ready = parse_answer(typed_[k].c_str(), &value);
      ImGui::SameLine();
    }
    ImGui::BeginDisabled(!ready);
    if (ImGui::Button("Check")) runner.answer_check(k, value);
    ImGui::EndDisabled();
    item_registry::record(id.c_str());
    const int result = runner.check_result(k);
    if (result >= 0) {
      ImGui::TextColored(result ? kRightColour : kWrongColour, result ? "✓ Right." : "✗ Not quite.");
      text_wrapped(kExplainColour, c.explain);
    }
    ImGui::PopID();
    ImGui::Spacing();
  }
}

}  // namespace bplab
