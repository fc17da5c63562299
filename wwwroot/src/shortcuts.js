// Keyboard shortcuts and the help overlay (`?`). One table drives both, so the help never
// lists a key that does nothing.

/** Normalises a KeyboardEvent into the form used in the table, e.g. "Ctrl+Shift+Z", "B", "ArrowUp". */
export function keyOf(e) {
  let key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  if (key === ' ') key = 'Space';
  const parts = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  // Shift is part of printable symbols such as '?' and '+': keep it only for letters and named keys.
  if (e.shiftKey && (/^[A-Z]$/.test(key) || key.length > 1)) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

const SHOWN = { ArrowDown: '↓', ArrowUp: '↑', ArrowLeft: '←', ArrowRight: '→', PageDown: 'PgDn', PageUp: 'PgUp', Escape: 'Esc', Delete: 'Del', Backspace: '⌫' };
const shown = (k) => k.split('+').map((p) => SHOWN[p] ?? p).join('+');

function isTyping(target, key) {
  const tag = target?.tagName;
  // A focused slider handles its own arrow keys; every other shortcut still works there.
  if (tag === 'INPUT' && target.type === 'range') return /^(Arrow|Page|Home|End)/.test(key);
  return (tag === 'INPUT' && !['button', 'checkbox', 'radio'].includes(target.type)) || tag === 'TEXTAREA' || tag === 'SELECT' || !!target?.isContentEditable;
}

/**
 * bindings: [{ keys: ['B'], label: 'Box', group: 'Tools', run(e), when?() }]. A key may have
 * several bindings: the first (in table order) whose when() holds, or that has none, runs.
 * Listens on `target` (the document by default) while the workspace is mounted.
 */
export function createShortcuts({ bindings, target = document, container }) {
  const byKey = new Map();
  for (const b of bindings) for (const k of b.keys) byKey.set(k, [...(byKey.get(k) ?? []), b]);
  const bindingFor = (k) => byKey.get(k)?.find((b) => !b.when || b.when());

  const overlay = document.createElement('div');
  overlay.className = 'ws-help';
  overlay.hidden = true;
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-label', 'Keyboard shortcuts');
  overlay.dataset.testid = 'shortcut-help';
  const card = document.createElement('div');
  card.className = 'ws-help-card';
  const title = document.createElement('h2');
  title.textContent = 'Keyboard shortcuts';
  const close = document.createElement('button');
  close.type = 'button'; close.className = 'ws-help-close'; close.textContent = '×';
  close.setAttribute('aria-label', 'Close keyboard shortcuts');
  close.addEventListener('click', () => hide());
  card.append(close, title);
  const groups = new Map();
  for (const b of bindings) {
    if (!groups.has(b.group)) groups.set(b.group, []);
    groups.get(b.group).push(b);
  }
  const cols = document.createElement('div');
  cols.className = 'ws-help-cols';
  for (const [name, list] of groups) {
    const sec = document.createElement('section');
    const h = document.createElement('h3'); h.textContent = name;
    const dl = document.createElement('dl');
    for (const b of list) {
      const dt = document.createElement('dt');
      for (const k of b.keys) dt.append(Object.assign(document.createElement('kbd'), { textContent: shown(k) }));
      const dd = document.createElement('dd'); dd.textContent = b.label;
      dl.append(dt, dd);
    }
    sec.append(h, dl);
    cols.append(sec);
  }
  card.append(cols);
  overlay.append(card);
  overlay.addEventListener('click', (e) => { if (e.target === overlay) hide(); });
  container.append(overlay);

  function show() { overlay.hidden = false; close.focus(); }
  function hide() { overlay.hidden = true; }
  function toggle() { if (overlay.hidden) show(); else hide(); }

  const onKey = (e) => {
    if (isTyping(e.target, e.key)) return;
    const k = keyOf(e);
    if (k === '?' || k === 'Shift+?') { e.preventDefault(); toggle(); return; }
    if (k === 'Escape' && !overlay.hidden) { e.preventDefault(); hide(); return; }
    const b = bindingFor(k);
    if (!b) return;
    e.preventDefault();
    b.run(e);
  };
  // Capture phase: Cornerstone's own key listener on the focused viewport calls preventDefault.
  target.addEventListener('keydown', onKey, true);

  return {
    show, hide, toggle, get visible() { return !overlay.hidden; },
    /** The binding a key runs now, or undefined. */
    bindingFor,
    /** The table, for tooltips: label → first key. */
    keyFor(label) { return bindings.find((b) => b.label === label)?.keys[0] ?? null; },
    destroy() { target.removeEventListener('keydown', onKey, true); overlay.remove(); },
  };
}
