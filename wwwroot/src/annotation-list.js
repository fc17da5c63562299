// The annotation list beside the image, like CVAT's objects sidebar: one row per label, in
// slice order. Clicking a row selects the label and goes to its slice; a row's buttons hide it
// (view only: nothing stored changes) or delete it; hovering a row highlights its label on the
// image. The rows are computed by `listRows` (pure); `createAnnotationList` draws them.

const KIND_NAMES = { box: 'Box', scribble: 'Scribble', point: 'Point', tag: 'Tag', polygon: 'Polygon', brush: 'Brush', mask: 'Mask' };

const EYE = '<path d="M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12z"/><circle cx="12" cy="12" r="2.8"/>';
const EYE_OFF = '<path d="M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12z"/><path d="M4 4l16 16"/>';
const BIN = '<path d="M5 7h14M10 7V4.5h4V7M7 7l1 13h8l1-13"/>';

/** What a row says about a label: "Point + · Liver". */
export function rowText(command, className) {
  const polarity = command.kind === 'point' ? (command.point.positive ? ' +' : ' −') : command.brush?.erase ? ' (eraser)' : '';
  const p = command.provenance;
  const origin = p?.source === 'suggestion' ? ` · suggested by ${p.engine}` : p?.source === 'propagated' ? ` · propagated by ${p.engine}`
    : p?.source === 'interpolated' ? ' · interpolated' : '';
  return `${KIND_NAMES[command.kind] ?? command.kind}${polarity} · ${className}${origin}`;
}

/**
 * labels: Map uid → { command } (in the order made). selected: uids visibly selected.
 * hidden: Set of uids. slice: the slice on screen. pending: Set of commandIds not yet saved.
 * Returns rows sorted by slice (stable: in the order made within a slice):
 * [{ uid, command, slice, selected, hidden, current, pending }].
 */
export function listRows({ labels, selected = [], hidden = new Set(), slice, pending = new Set() }) {
  const chosen = new Set(selected);
  return [...labels.entries()]
    .map(([uid, { command }]) => ({
      uid, command, slice: command.slice, selected: chosen.has(uid), hidden: hidden.has(uid),
      current: command.slice === slice, pending: pending.has(command.commandId),
    }))
    .sort((a, b) => a.slice - b.slice);
}

function iconButton(svg, label, testid, onclick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'ws-row-btn';
  b.dataset.testid = testid;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true">${svg}</svg>`;
  b.addEventListener('click', (e) => { e.stopPropagation(); onclick(); });
  return b;
}

/**
 * list: the <ul>; empty: the "None yet." element. colourOf(classId), nameOf(classId).
 * on: { select(uid), remove(uid), setHidden(uid, hidden), hover(uid | null) }.
 * Returns { render(rows) }.
 */
export function createAnnotationList({ list, empty, colourOf, nameOf, on }) {
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Annotations');
  let hovered = null;
  const hover = (uid) => { if (hovered === uid) return; hovered = uid; on.hover(uid); };
  list.addEventListener('mouseleave', () => hover(null));

  const PLANE_SLICE = { coronal: (n) => `cor j ${n}`, sagittal: (n) => `sag i ${n}` };
  function row({ uid, command, selected, hidden, current, pending }) {
    const li = document.createElement('li');
    li.dataset.testid = 'annotation-row';
    li.dataset.kind = command.kind;
    li.dataset.commandId = command.commandId;
    li.dataset.slice = String(command.slice);
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', String(selected));
    li.setAttribute('aria-current', String(current));
    if (hidden) li.dataset.hidden = 'true';
    li.tabIndex = 0;
    const text = rowText(command, nameOf(command.classId));
    li.setAttribute('aria-label', `${text} on slice ${command.slice}${hidden ? ', hidden' : ''}`);
    const swatch = document.createElement('span');
    swatch.className = 'ws-swatch';
    swatch.style.background = colourOf(command.classId);
    const kind = Object.assign(document.createElement('span'), { className: 'ws-kind', textContent: text });
    // A box stored on a coronal (j) or sagittal (i) plane says which slice of which plane.
    const where = Object.assign(document.createElement('span'), { className: 'ws-where', textContent: PLANE_SLICE[command.plane]?.(command.slice) ?? `k ${command.slice}` });
    li.append(swatch, kind, where);
    if (pending) li.append(Object.assign(document.createElement('span'), { className: 'ws-pending', textContent: 'pending' }));
    const eye = iconButton(hidden ? EYE_OFF : EYE, hidden ? `Show ${text}` : `Hide ${text}`, 'annotation-hide', () => on.setHidden(uid, !hidden));
    eye.setAttribute('aria-pressed', String(hidden));
    li.append(eye, iconButton(BIN, `Delete ${text}`, 'annotation-delete', () => on.remove(uid)));
    li.addEventListener('click', () => on.select(uid));
    li.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault(); e.stopPropagation();
      on.select(uid);
    });
    li.addEventListener('mouseenter', () => hover(uid));
    li.addEventListener('focus', () => hover(uid));
    li.addEventListener('blur', () => hover(null));
    return li;
  }

  return {
    render(rows) {
      // Rows are made anew; keyboard focus stays on the same row (or the same button in it).
      const focused = list.contains(document.activeElement) ? document.activeElement : null;
      const focusedRow = focused?.closest('li')?.dataset.commandId;
      const focusedButton = focused?.dataset.testid !== 'annotation-row' ? focused?.dataset.testid : null;
      list.replaceChildren(...rows.map(row));
      if (focusedRow) {
        const li = [...list.children].find((e) => e.dataset.commandId === focusedRow);
        const target = focusedButton ? li?.querySelector(`[data-testid="${focusedButton}"]`) : li;
        target?.focus({ preventScroll: true });
      }
      empty.hidden = rows.length > 0;
      if (hovered && !rows.some((r) => r.uid === hovered)) hover(null);
    },
  };
}
