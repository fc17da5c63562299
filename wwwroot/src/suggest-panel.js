// The suggestion panel in the side bar: whether the slice is ready, the engine (CPU / CUDA /
// OpenCV), where the newest answer ran, its score and latency, the newest failure's sentence,
// and the four actions with their keys. Texts come from suggest-status.js (panelLines).
// data-testid: suggest-panel (data-state ready | preparing | waiting | error | offline | disabled),
// suggest-readiness, suggest-engine, suggest-answer, suggest-error, suggest-accept,
// suggest-reject, suggest-new, suggest-undo.

const ACTIONS = [
  { id: 'accept', text: 'Accept', key: 'Enter', title: 'Accept: the mask becomes your label (Enter)' },
  { id: 'reject', text: 'Reject', key: 'Esc', title: 'Reject: throw the suggestion away (Esc)' },
  { id: 'new', text: 'New object', key: 'N', title: 'Start a new object (N)' },
  { id: 'undo', text: 'Undo click', key: '⌫', title: 'Take back the last prompt (Backspace or Ctrl+Z)' },
];

/** container: the side panel. on: { accept, reject, new, undo }. Returns { update(lines, can), setVisible(on), destroy() }. */
export function createSuggestPanel({ container, on }) {
  const section = document.createElement('section');
  section.className = 'ws-suggest';
  section.dataset.testid = 'suggest-panel';
  section.setAttribute('aria-label', 'Suggestion');
  section.hidden = true;
  section.innerHTML = `<h2 class="ws-panel-title">Suggestion</h2>
    <p class="ws-suggest-ready" data-testid="suggest-readiness" role="status" aria-live="polite"></p>
    <p class="ws-suggest-engine" data-testid="suggest-engine"></p>
    <p class="ws-suggest-answer" data-testid="suggest-answer"></p>
    <p class="ws-suggest-error" data-testid="suggest-error" role="alert"></p>
    <p class="ws-dim ws-suggest-help">Drag a box around the object or click on it; Shift+click: not this object; Shift+drag: a "not this" scribble.</p>
    <div class="ws-suggest-actions"></div>`;
  const field = (id) => section.querySelector(`[data-testid="suggest-${id}"]`);
  const actions = section.querySelector('.ws-suggest-actions');
  const buttons = {};
  for (const a of ACTIONS) {
    const b = document.createElement('button');
    b.type = 'button'; b.className = 'ws-suggest-btn'; b.dataset.testid = `suggest-${a.id}`; b.title = a.title;
    b.innerHTML = `<span></span> <kbd></kbd>`;
    b.firstChild.textContent = a.text; b.lastChild.textContent = a.key;
    b.addEventListener('click', () => on[a.id]());
    buttons[a.id] = b;
    actions.append(b);
  }
  container.prepend(section);

  return {
    element: section,
    /** lines: panelLines(…); can: { accept, reject, new, undo } booleans. */
    update(lines, can = {}) {
      section.dataset.state = lines.state;
      for (const id of ['readiness', 'engine', 'answer', 'error']) {
        const el = field(id);
        el.textContent = lines[id] ?? '';
        el.hidden = !lines[id];
      }
      field('readiness').dataset.ready = String(lines.readiness === 'slice ready');
      for (const [id, b] of Object.entries(buttons)) b.disabled = !can[id];
    },
    setVisible(visible) { section.hidden = !visible; },
    destroy() { section.remove(); },
  };
}
