// The view switch in the toolbar (OHIF's layout and orientation buttons): one view, axial,
// coronal or sagittal, or the three side by side (1×3). It only says which was asked for;
// mpr-views.js lays the panes out.

const CHOICES = [
  { layout: 'axial', text: 'Ax', label: 'Axial view', key: 'Shift+A' },
  { layout: 'coronal', text: 'Cor', label: 'Coronal view', key: 'Shift+C' },
  { layout: 'sagittal', text: 'Sag', label: 'Sagittal view', key: 'Shift+S' },
  { layout: '1x3', text: '1×3', label: 'Axial, coronal and sagittal side by side', key: 'Shift+M' },
];

/** toolbar: the toolbar's element (the switch goes before its spacer). onLayout(layout). */
export function createLayoutSwitch({ toolbar, onLayout }) {
  const group = document.createElement('div');
  group.className = 'ws-group ws-layouts';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Views');
  const buttons = new Map();
  for (const c of CHOICES) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'ws-btn ws-btn-word';
    b.textContent = c.text;
    b.title = `${c.label} (${c.key})`;
    b.setAttribute('aria-label', c.label);
    b.setAttribute('aria-pressed', String(c.layout === 'axial'));
    b.dataset.testid = c.layout === '1x3' ? 'layout-1x3' : `view-${c.layout}`;
    b.addEventListener('click', () => onLayout(c.layout));
    buttons.set(c.layout, b);
    group.append(b);
  }
  const spacer = toolbar.querySelector('.ws-spacer');
  if (spacer) spacer.before(group); else toolbar.append(group);
  return {
    element: group,
    show(layout) { for (const [l, b] of buttons) b.setAttribute('aria-pressed', String(l === layout)); },
    destroy() { group.remove(); },
  };
}
