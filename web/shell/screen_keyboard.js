// Typing on a touch screen. The lab is one canvas, so a phone or tablet has no text field to open
// its keyboard for: this hidden input stands in for the lab's active text field. A tap on a field
// (or on a slider's "Type" button) focuses it inside the touch handler, the only place iOS opens
// its keyboard; the lab then tells it where the field is and its text (bplab_active_text), and
// every change of its value is sent to the field whole (bplab_replace_text), since mobile keyboards
// report keyCode 229 and no key presses. While it has the focus the canvas has not, so a desktop
// keyboard types through it once, not twice. Also: a change of the pixel ratio alone (a move to
// another screen) is passed on as a resize, which makes SDL give the canvas the new ratio.
'use strict';
(function () {
  const canvas = document.getElementById('canvas');
  const input = document.createElement('input');
  input.id = 'screen-keyboard';
  input.type = 'text';
  input.autocomplete = 'off';
  input.tabIndex = -1; // reached by a tap on a field, never by Tab
  input.spellcheck = false;
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('aria-label', 'Text of the lab\'s active field');
  document.body.appendChild(input);

  const call = (name, ret, types, args) => window.Module && Module.ccall ? Module.ccall(name, ret, types, args) : null;
  let fieldActive = false;

  canvas.addEventListener('touchend', (event) => {
    const touch = event.changedTouches[0];
    if (!touch) return;
    const box = canvas.getBoundingClientRect();
    if (call('bplab_opens_typing_at', 'number', ['number', 'number'], [touch.clientX - box.left, touch.clientY - box.top])) {
      input.value = '';
      input.focus({ preventScroll: true });
    }
  });

  // Called by the lab (screen_keyboard.cpp) whenever its active text field appears, moves or goes.
  window.bplabScreenKeyboard = {
    fieldChanged(visible, x, y, lineHeight) {
      const box = canvas.getBoundingClientRect();
      input.style.left = `${box.left + x}px`;
      input.style.top = `${box.top + y}px`;
      input.style.height = `${lineHeight}px`;
      const appeared = visible && !fieldActive;
      fieldActive = visible;
      if (document.activeElement !== input) return;
      if (appeared) {
        input.value = call('bplab_active_text', 'string', [], []) || '';
        input.select();
      } else if (!visible) {
        // Back from typing on a touch screen: no keyboard frame round the canvas (index.html).
        canvas.focus({ preventScroll: true, focusVisible: false });
      }
    },
  };

  input.addEventListener('input', () => {
    if (fieldActive) call('bplab_replace_text', null, ['string'], [input.value]);
  });
  input.addEventListener('keydown', (event) => {
    // keyCode 229: a keyboard still composing (every key of a mobile one); its text comes as input.
    if (event.keyCode === 229 || event.isComposing) return;
    if (event.key === 'Enter' || event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      call('bplab_press_key', null, ['string'], [event.key]);
    }
  });
  input.addEventListener('blur', () => { input.value = ''; });

  function watchPixelRatio() {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    query.addEventListener('change', () => {
      window.dispatchEvent(new Event('resize'));
      watchPixelRatio();
    }, { once: true });
  }
  watchPixelRatio();
})();
