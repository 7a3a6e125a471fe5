// The page around the lab's canvas: window.lab for tests, the console and the DOM layer
// (a11y_layer.js), the loading and WebGL2-missing messages, and the start of the WebAssembly
// module. A file of its own (not inline) so the Content-Security-Policy can forbid inline script.
'use strict';
(function () {
  const canvas = document.getElementById('canvas');
  // Right clicks add class-0 points on the output map: keep the browser's menu away.
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  const message = document.getElementById('message');
  function show(text) { message.textContent = text; message.hidden = false; }

  // window.lab: what tests (and the browser console) can ask the running app. Before the
  // WebAssembly module runs, state() reports frame 0 and itemRect() knows no item.
  let runtimeReady = false;
  window.lab = {
    state() {
      if (!runtimeReady) return { frame: 0, fps: 0 };
      return JSON.parse(Module.ccall('bplab_state_json', 'string', [], [])) || { frame: 0, fps: 0 };
    },
    // state().frame alone, which costs next to nothing: benches poll it every animation frame
    // while the page loads, and a whole state() there cost 0.1 s at 4× CPU throttling.
    frame() {
      return runtimeReady ? Module.ccall('bplab_frame', 'number', [], []) : 0;
    },
    // The rectangle of the ImGui item drawn last frame under this label, in CSS pixels of the
    // page (ready for a mouse click), or null when there is no such item.
    itemRect(label) {
      if (!runtimeReady) return null;
      const rect = JSON.parse(Module.ccall('bplab_item_rect_json', 'string', ['string'], [label]));
      if (rect === null) return null;
      const canvasBox = canvas.getBoundingClientRect();
      // w/h as documented; width/height as Playwright's boxes name them.
      return { x: rect.x + canvasBox.left, y: rect.y + canvasBox.top,
               w: rect.width, h: rect.height, width: rect.width, height: rect.height };
    },
    // The rectangle of the ImGui item that has the keyboard focus, while its focus rectangle
    // shows (as itemRect's), or null.
    navRect() { return this.itemRect(''); },
    // Makes the next frame draw every window, not only those that changed: a test compares the
    // picture before and after to show that drawing only the changes left nothing stale.
    redrawAll() {
      if (runtimeReady) Module.ccall('bplab_redraw_all', null, [], []);
    },
    // The open lesson as its window shows it ({id, title, step, steps, stepTitle, text, goal,
    // taskDone, hints, answerLabel, answer, canBack, canNext, …}), or null outside a lesson.
    lesson() {
      if (!runtimeReady) return null;
      return JSON.parse(Module.ccall('bplab_lesson_json', 'string', [], []));
    },
    // Presses the Lesson window's Previous, Hint, Next or Restart step: 'back', 'hint', 'next',
    // 'restart'.
    lessonAction(name) {
      if (runtimeReady) Module.ccall('bplab_lesson_action', null, ['string'], [name]);
    },
    // Puts text into the lesson's answer field, as if typed there.
    answer(text) {
      if (runtimeReady) Module.ccall('bplab_lesson_answer', null, ['string'], [String(text)]);
    },
    // Presses a button of the first-visit card: 'course' (Start the course) or 'lab' (Free lab).
    welcome(choice) {
      if (runtimeReady) Module.ccall('bplab_welcome', null, ['string'], [choice]);
    },
  };

  const noWebGL2 = 'Backprop Lab needs WebGL2, which this browser does not provide (or has ' +
    'disabled). Try a current Firefox, Chrome, Edge or Safari with hardware acceleration turned on.';
  // A browser without the API is told at once. Creating a throw-away context to probe for it would
  // cost as much as the real one (~250 ms in software GL), so a browser that has the API but
  // cannot create a context is told when the app's own attempt fails.
  if (typeof WebGL2RenderingContext === 'undefined') {
    show(noWebGL2);
    return;
  }
  canvas.addEventListener('webglcontextcreationerror', () => show(noWebGL2));

  window.Module = {
    canvas,
    onRuntimeInitialized() {
      runtimeReady = true;
      message.hidden = true;
      // The keys go to the lab at once, as on a page that is all canvas. Without focusVisible:
      // false, Chromium treats focus given before any click as keyboard focus, and the canvas
      // kept the keyboard's frame (index.html) for a learner who only ever uses the mouse.
      canvas.focus({ preventScroll: true, focusVisible: false });
    },
    // The runtime reports progress as "Downloading data... (n/m)"; keep the loading message.
    setStatus(text) { if (text && !runtimeReady) show('Loading Backprop Lab… ' + text); },
    onAbort(what) { show('Backprop Lab stopped with an error: ' + what); },
  };
  // Neither SDL nor ImGui restores a lost WebGL context: say so instead of showing a frozen canvas.
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    show('The WebGL context was lost. Reload the page to continue.');
  });

  const script = document.createElement('script');
  script.src = 'bplab_lab.js';
  script.onerror = () => show('Could not load bplab_lab.js.');
  document.body.appendChild(script);
})();
