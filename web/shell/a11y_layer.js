// The DOM layer beside the canvas (#a11y in index.html): the open lesson's title, text, task,
// hints and result, the lab's notices and a summary of training, as text that screen readers
// read, and the lesson's Previous / Hint / Next and answer field as real buttons and a real input;
// while the first-visit card shows, its "Start the course" and "Free lab" too.
// It is built from the same data as the ImGui windows (window.lab.lesson() and .state(), which
// lab_page.js defines), polled a few times a second; the DOM changes only when the data did.
// Also: Escape, then Tab (or Shift+Tab), leaves the canvas, whose keys SDL otherwise keeps.
'use strict';
(function () {
  const LESSON_POLL_MS = 250;
  const STATE_POLL_MS = 1000;
  // The live training summary speaks at most this often: a screen reader reading every
  // iteration would drown everything else.
  const TRAINING_SPEAK_MS = 15000;

  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas');
  const el = {
    notices: $('a11y-notices'), lesson: $('a11y-lesson'), title: $('a11y-lesson-title'),
    position: $('a11y-position'), stepTitle: $('a11y-step-title'), text: $('a11y-text'),
    task: $('a11y-task'), hints: $('a11y-hints'), result: $('a11y-result'),
    answerRow: $('a11y-answer-row'), answerLabel: $('a11y-answer-label'), answer: $('a11y-answer'),
    back: $('a11y-back'), hint: $('a11y-hint'), next: $('a11y-next'), training: $('a11y-training'),
    welcome: $('a11y-welcome'), course: $('a11y-course'), freeLab: $('a11y-free-lab'),
  };

  // Escape marks the next Tab as "leave the canvas": it is kept from SDL's listener on the canvas
  // (this one runs first, in the capture phase on window), so the browser moves the focus.
  let leaving = false;
  window.addEventListener('keydown', (event) => {
    if (event.target !== canvas) return;
    if (event.key === 'Escape') {
      leaving = true;
    } else if (event.key === 'Tab' && leaving) {
      leaving = false;
      event.stopImmediatePropagation();
    } else if (event.key !== 'Shift') {
      leaving = false;
    }
  }, true);

  const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
  const setDisabled = (button, disabled) => button.setAttribute('aria-disabled', String(disabled));
  const act = (name, button) => () => {
    if (button.getAttribute('aria-disabled') !== 'true') window.lab.lessonAction(name);
  };
  el.back.addEventListener('click', act('back', el.back));
  el.hint.addEventListener('click', act('hint', el.hint));
  el.next.addEventListener('click', act('next', el.next));
  el.answer.addEventListener('input', () => window.lab.answer(el.answer.value));
  el.course.addEventListener('click', () => window.lab.welcome('course'));
  el.freeLab.addEventListener('click', () => window.lab.welcome('lab'));

  // Paragraphs of the step's text, as the Lesson window wraps them (blank lines between).
  function showParagraphs(node, text) {
    node.replaceChildren(...text.split(/\n\s*\n/).map((para) => {
      const p = document.createElement('p');
      p.textContent = para.trim();
      return p;
    }));
  }

  let lastLesson = 'null';
  function showLesson(json) {
    if (json === lastLesson) return;
    const before = JSON.parse(lastLesson);
    lastLesson = json;
    const v = JSON.parse(json);
    el.lesson.hidden = v === null;
    if (v === null) return;
    setText(el.title, v.title);
    setText(el.position, `Step ${v.step + 1} of ${v.steps}`);
    setText(el.stepTitle, v.stepTitle);
    if (!before || before.text !== v.text || before.step !== v.step) showParagraphs(el.text, v.text);
    el.task.hidden = !v.hasTask;
    setText(el.task, v.hasTask ? `Task: ${v.goal}` : '');
    const hints = v.hints.map((h, k) => (v.hints.length > 1 ? `Hint ${k + 1}: ${h}` : `Hint: ${h}`));
    if (!before || JSON.stringify(before.hints) !== JSON.stringify(v.hints))
      el.hints.replaceChildren(...hints.map((h) => {
        const li = document.createElement('li');
        li.textContent = h;
        return li;
      }));
    el.hints.hidden = hints.length === 0;
    const lastStep = v.step + 1 === v.steps;
    const result = [v.error, v.taskError,
      v.hasTask && v.taskDone ? (lastStep ? 'Done.' : 'Done: Next is open.') : '',
      v.answerRefused ? 'Step back: the lab already shows the answer.' : '',
      !v.hasTask && lastStep ? 'End of the lesson.' : ''].filter(Boolean).join(' ');
    setText(el.result, result);
    el.answerRow.hidden = v.answerLabel === '';
    setText(el.answerLabel, `Answer: ${v.answerLabel} =`);
    if (document.activeElement !== el.answer && el.answer.value !== v.answer) el.answer.value = v.answer;
    el.hint.hidden = !v.hasTask;
    setText(el.hint, v.allHintsShown && v.hints.length > 0 ? 'Hide hints' : 'Hint');
    setDisabled(el.back, !v.canBack);
    setDisabled(el.next, !v.canNext);
  }

  const number = (x) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : String(x));
  let lastSpoken = 0;
  function showState(s) {
    const notices = [s.notice, s.error, s.diverged ? s.divergence_message : '']
      .filter(Boolean).join(' ');
    setText(el.notices, notices);
    el.welcome.hidden = !s.welcome;
    const summary = `${s.running ? 'Training' : 'Paused'} at iteration ${s.iteration}, epoch ` +
      `${s.epoch}: training loss ${number(s.loss_train)}, test loss ${number(s.loss_test)}; ` +
      `learning rate η ${number(s.learning_rate)}, momentum μ ${number(s.momentum)}, ` +
      `batch size ${s.batch_size}.`;
    const now = Date.now();
    if (summary !== el.training.textContent && now - lastSpoken >= TRAINING_SPEAK_MS) {
      el.training.textContent = summary;
      lastSpoken = now;
    }
  }

  setInterval(() => {
    const json = window.lab.lesson && JSON.stringify(window.lab.lesson());
    if (json !== undefined) showLesson(json);
  }, LESSON_POLL_MS);
  setInterval(() => {
    const s = window.lab.state();
    if (s.frame > 0) showState(s);
  }, STATE_POLL_MS);
})();
