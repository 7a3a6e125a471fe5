// The card a first-time visitor is offered: "Start the course" (the first lesson) or "Free lab".
// Either button, or the card's close button, dismisses it, and platform storage remembers that
// (localStorage on the web, a file natively), so it is offered once. The caller does not offer it
// to a link with welcome=0 (url_hash.h), an embedded frame or a link that opens a lesson.
// It is a modal popup: the lab behind it waits for the choice, and the keyboard reaches its
// buttons with the arrow keys and Space. The page's DOM layer offers the same buttons (choose()).
//
// Item registry labels: "Start the course", "Free lab" (named_button).
#pragma once

namespace bplab {

class WelcomeCard {
 public:
  enum class Choice { None, Course, FreeLab };

  // Shows the card from the next frame on, unless `offer` is false or it was dismissed before.
  void init(bool offer);
  bool visible() const { return visible_; }
  // Draws the card, centred on the display, while visible. Returns the visitor's choice in the
  // frame it is made (closing the card chooses the free lab); the card is then gone for good.
  Choice draw();
  // A choice made outside the card (the DOM layer's buttons); the next draw() makes it.
  void choose(Choice choice) { pending_ = choice; }

 private:
  void dismiss();
  bool visible_ = false;
  Choice pending_ = Choice::None;
};

}  // namespace bplab
