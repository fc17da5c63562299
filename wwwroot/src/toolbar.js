// The toolbar's DOM: tool buttons, classes, scribble width, history, view controls, window
// presets, label opacity, help and the save status. Every control has an accessible name
// and a data-testid; behaviour is wired by the workspace through the callbacks.

const ICONS = {
  select: '<path d="M5 3l13 7-6 1.5L9.5 18z"/>',
  box: '<rect x="4" y="5" width="16" height="14" rx="1.5"/>',
  scribble: '<path d="M3 16c3-6 5-8 7-5s2 6 5 3 3-7 6-6"/>',
  polygon: '<path d="M5 8l7-4.5 7 5-2.5 10h-9z"/><circle cx="5" cy="8" r="1.3" fill="currentColor"/><circle cx="12" cy="3.5" r="1.3" fill="currentColor"/><circle cx="19" cy="8.5" r="1.3" fill="currentColor"/>',
  brush: '<path d="M19.5 4.5l-8 8"/><path d="M11.5 12.5c-2.5-.5-4.5 1-4.5 3.5 0 1.5-1 2.5-3 3 3 1.5 7.5 1 8.5-2.5.5-1.5 0-3-1-4z" fill="currentColor"/>',
  eraser: '<path d="M14.5 4.5l5 5-9 9h-5l-2.5-2.5z"/><path d="M9.5 9.5l5 5M10.5 18.5h9"/>',
  pointPositive: '<circle cx="10" cy="14" r="3.2"/><path d="M17 3v6M14 6h6"/>',
  suggest: '<path d="M12 3.5l1.6 3.6 3.9.4-2.9 2.6.8 3.8L12 12l-3.4 1.9.8-3.8-2.9-2.6 3.9-.4z"/><path d="M5 20c2-3 4.5-4.5 7-4.5s5 1.5 7 4.5" stroke-dasharray="2 2"/>',
  pointNegative: '<circle cx="10" cy="14" r="3.2"/><path d="M14 6h6"/>',
  pan: '<path d="M12 3v18M3 12h18M12 3l-3 3M12 3l3 3M12 21l-3-3M12 21l3-3M3 12l3-3M3 12l3 3M21 12l-3-3M21 12l-3 3"/>',
  zoom: '<circle cx="10.5" cy="10.5" r="6"/><path d="M15 15l5.5 5.5"/>',
  windowLevel: '<circle cx="12" cy="12" r="8"/><path d="M12 4a8 8 0 0 1 0 16z" fill="currentColor"/>',
  undo: '<path d="M9 8H16a4.5 4.5 0 0 1 0 9h-5"/><path d="M12 4.5L8.5 8 12 11.5"/>',
  redo: '<path d="M15 8H8a4.5 4.5 0 0 0 0 9h5"/><path d="M12 4.5L15.5 8 12 11.5"/>',
  delete: '<path d="M5 7h14M10 7V4.5h4V7M7 7l1 13h8l1-13"/>',
  zoomIn: '<circle cx="10.5" cy="10.5" r="6"/><path d="M15 15l5.5 5.5M8 10.5h5M10.5 8v5"/>',
  zoomOut: '<circle cx="10.5" cy="10.5" r="6"/><path d="M15 15l5.5 5.5M8 10.5h5"/>',
  fit: '<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>',
  help: '<circle cx="12" cy="12" r="8.5"/><path d="M9.6 9.5a2.5 2.5 0 1 1 3.4 2.3c-.7.3-1 .8-1 1.5v.7"/><circle cx="12" cy="17" r=".6" fill="currentColor"/>',
};

function el(tag, attrs = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'html') e.innerHTML = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

function iconButton({ icon, label, key, testid, pressed, onclick, text }) {
  const b = el('button', {
    type: 'button', class: 'ws-btn', 'aria-label': label, title: key ? `${label} (${key})` : label,
    'data-testid': testid, 'aria-pressed': pressed == null ? null : String(pressed), onclick,
  });
  b.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true">${ICONS[icon]}</svg>`;
  if (text) b.append(el('span', { class: 'ws-btn-text', text }));
  return b;
}

/**
 * tools: [{ mode, icon, label, key }] · classes: [{id, name, colour}] (0 = background)
 * presets: [{name, center, width}] · on: { mode, classId, width, undo, redo, delete, zoomIn, zoomOut, fit, preset, opacity, help }
 */
export function createToolbar({ container, tools, classes, presets, keys, on, maxWidth = 15 }) {
  const bar = el('div', { class: 'ws-toolbar', role: 'toolbar', 'aria-label': 'Annotation tools', 'data-testid': 'toolbar' });
  const toolButtons = new Map();
  const toolGroup = el('div', { class: 'ws-group', role: 'group', 'aria-label': 'Tools' });
  for (const t of tools) {
    const b = iconButton({ icon: t.icon, label: t.label, key: t.key, testid: `tool-${t.id}`, pressed: false, onclick: () => on.mode(t.id) });
    // A tool the project rules out stays visible, disabled, and says why (aria-disabled keeps the tooltip and focus).
    if (t.disabled) { b.setAttribute('aria-disabled', 'true'); b.classList.add('ws-btn-off'); b.title = `${t.label} (${t.key}) — ${t.disabled}`; }
    toolButtons.set(t.id, b);
    toolGroup.append(b);
  }

  const classButtons = new Map();
  const classGroup = el('div', { class: 'ws-group', role: 'radiogroup', 'aria-label': 'Class' });
  classes.forEach((c) => {
    const b = el('button', {
      type: 'button', class: 'ws-class', role: 'radio', 'aria-checked': 'false', 'data-testid': `class-${c.id}`,
      'aria-label': `Class ${c.name}`, title: `${c.name} (${keys.classKey(c.id)})`, style: `--ws-c:${c.colour}`,
      onclick: () => on.classId(c.id),
    }, [el('span', { class: 'ws-swatch', style: `background:${c.colour}` }), el('span', { text: c.name })]);
    classButtons.set(c.id, b);
    classGroup.append(b);
  });

  const width = el('input', { type: 'range', min: '1', max: String(maxWidth), step: '1', value: '3', 'aria-label': 'Scribble width', 'data-testid': 'scribble-width', title: 'Scribble and brush width in voxels ([ and ])' });
  const widthOut = el('output', { text: '3' });
  width.addEventListener('input', () => on.width(Number(width.value)));
  const widthField = el('label', { class: 'ws-field' }, [el('span', { text: 'Width' }), width, widthOut]);

  const undo = iconButton({ icon: 'undo', label: 'Undo', key: 'Ctrl+Z', testid: 'undo', onclick: on.undo });
  const redo = iconButton({ icon: 'redo', label: 'Redo', key: 'Ctrl+Shift+Z', testid: 'redo', onclick: on.redo });
  const del = iconButton({ icon: 'delete', label: 'Delete selected annotation', key: 'Delete', testid: 'delete', onclick: on.delete });
  const history = el('div', { class: 'ws-group', role: 'group', 'aria-label': 'History' }, [undo, redo, del]);

  const view = el('div', { class: 'ws-group', role: 'group', 'aria-label': 'View' }, [
    iconButton({ icon: 'zoomIn', label: 'Zoom in', key: '+', testid: 'zoom-in', onclick: on.zoomIn }),
    iconButton({ icon: 'zoomOut', label: 'Zoom out', key: '-', testid: 'zoom-out', onclick: on.zoomOut }),
    iconButton({ icon: 'fit', label: 'Fit to window', key: 'F', testid: 'fit', onclick: on.fit }),
  ]);

  const preset = el('select', { 'aria-label': 'Window preset', 'data-testid': 'window-preset' });
  preset.append(el('option', { value: '', text: 'Window…' }));
  presets.forEach((p, n) => preset.append(el('option', { value: String(n), text: `${p.name} (${p.width}/${p.center})` })));
  preset.addEventListener('change', () => { if (preset.value !== '') on.preset(presets[Number(preset.value)]); preset.value = ''; });

  const opacity = el('input', { type: 'range', min: '0', max: '100', value: '100', 'aria-label': 'Label opacity', 'data-testid': 'label-opacity', title: 'Label opacity (O)' });
  opacity.addEventListener('input', () => on.opacity(Number(opacity.value) / 100));
  const opacityField = el('label', { class: 'ws-field' }, [el('span', { text: 'Labels' }), opacity]);

  const status = el('div', { class: 'ws-status', role: 'status', 'aria-live': 'polite', 'aria-label': 'Save status', 'data-testid': 'save-status', 'data-state': 'saved', text: 'saved' });
  const help = iconButton({ icon: 'help', label: 'Keyboard shortcuts', key: '?', testid: 'help', onclick: on.help });

  const sep = () => el('div', { class: 'ws-sep', role: 'separator', 'aria-orientation': 'vertical' });
  bar.append(toolGroup, sep(), classGroup, sep(), widthField, sep(), history, sep(), view, preset, opacityField, el('div', { class: 'ws-spacer' }), status, help);
  container.append(bar);

  return {
    element: bar, status,
    setMode(mode) { for (const [id, b] of toolButtons) b.setAttribute('aria-pressed', String(id === mode)); },
    setClass(classId) { for (const [id, b] of classButtons) b.setAttribute('aria-checked', String(id === classId)); },
    enableClass(classId, enabled) { const b = classButtons.get(classId); if (b) b.disabled = !enabled; },
    setWidth(w) { width.value = String(w); widthOut.textContent = String(w); },
    setOpacity(o) { opacity.value = String(Math.round(o * 100)); },
    setHistory({ canUndo, canRedo, canDelete }) { undo.disabled = !canUndo; redo.disabled = !canRedo; del.disabled = !canDelete; },
    /** The one save indicator (save-state.js): text and data-state saved | saving | offline. */
    setStatus({ text, state }) {
      status.textContent = text;
      status.dataset.state = state;
      status.title = state === 'offline' ? 'Offline: your labels wait in this browser and are sent when the connection is back.'
        : state === 'saving' ? 'Labels on their way to the server.' : 'Every label is saved.';
    },
    destroy() { bar.remove(); },
  };
}
