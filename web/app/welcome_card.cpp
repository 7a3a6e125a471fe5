#include "welcome_card.h"

#include "help_marker.h"
#include "imgui.h"
#include "platform_services.h"

namespace bplab {
namespace {

// The storage key that remembers a dismissed card; any non-empty value means dismissed.
constexpr const char* kWelcomeKey = "bplab-welcome";
constexpr const char* kTitle = "Welcome to Backprop Lab";

}  // namespace

void WelcomeCard::init(bool offer) { visible_ = offer && platform::storage_get(kWelcomeKey).empty(); }

void WelcomeCard::dismiss() {
  visible_ = false;
  platform::storage_set(kWelcomeKey, "dismissed");
}

WelcomeCard::Choice WelcomeCard::draw() {
  if (!visible_) return Choice::None;
  if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(d.x / 2, d.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  bool open = true;
  if (!ImGui::BeginPopupModal(kTitle, &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
    // Only the close button ends the popup outside the buttons below.
    if (!open) dismiss();
    return open ? Choice::None : Choice::FreeLab;
  }
  Choice choice = Choice::None;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
  ImGui::TextUnformatted(
      "Watch a neural network learn, one number at a time: every weight, error and gradient "
      "is on screen, and you can change any of them.");
  ImGui::Spacing();
  ImGui::TextUnformatted("New to backpropagation? The course starts from a single weight.");
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (named_button("Start the course")) choice = Choice::Course;
  help_marker(
      "Short guided lessons, from guessing one weight to backpropagation, learning rate, momentum "
      "and deep networks. Each step has a task the lab checks; your progress is kept in this "
      "browser. The lessons are also in the Lessons tab (Details).");
  ImGui::SameLine();
  if (named_button("Free lab")) choice = Choice::FreeLab;
  help_marker(
      "The whole lab: pick a data set, press Play and watch the network learn. The lessons stay "
      "in the Lessons tab (Details).");
  if (pending_ != Choice::None) choice = pending_;
  pending_ = Choice::None;
  if (choice != Choice::None) {
    dismiss();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return choice;
}

}  // namespace bplab
