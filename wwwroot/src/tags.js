// The tag panel: per class, "present" / "absent" for the whole item and for the slice on
// screen. Clicking the state already set clears it. State lives in the workspace; this
// module only draws it and reports clicks.

export function tagKey(classId, slice) { return `${classId}:${slice ?? 'item'}`; }

/**
 * container: element to fill. classes: [{id, name, colour}] (foreground classes).
 * onSet(classId, slice|null, present|null): null present = clear.
 */
export function createTagPanel({ container, classes, onSet, slices = 2 }) {
  // A 2D image (one slice): a slice tag would say what the item tag says, so only item tags are offered.
  const scopes = slices > 1 ? ['item', 'slice'] : ['item'];
  const root = document.createElement('section');
  root.className = 'ws-tags';
  root.setAttribute('aria-label', 'Tags');
  root.dataset.testid = 'tag-panel';
  root.innerHTML = '<h2 class="ws-panel-title">Tags</h2>';
  const table = document.createElement('div');
  table.className = 'ws-tag-table';
  table.setAttribute('role', 'group');
  root.append(table);
  container.append(root);
  const buttons = new Map(); // `${classId}:${scope}:${present}` → button
  let slice = 0;
  let tags = new Map();

  for (const cls of classes) {
    const row = document.createElement('div');
    row.className = 'ws-tag-row';
    row.innerHTML = `<span class="ws-swatch" style="background:${cls.colour}"></span><span class="ws-tag-name"></span>`;
    row.querySelector('.ws-tag-name').textContent = cls.name;
    for (const scope of scopes) {
      const grp = document.createElement('span');
      grp.className = 'ws-seg';
      grp.setAttribute('role', 'group');
      grp.setAttribute('aria-label', `${cls.name} on the ${scope === 'item' ? 'whole item' : 'current slice'}`);
      const label = document.createElement('span');
      label.className = 'ws-seg-label';
      label.textContent = scope === 'item' ? 'Item' : 'Slice';
      grp.append(label);
      for (const present of [true, false]) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'ws-seg-btn';
        b.textContent = present ? 'Present' : 'Absent';
        b.dataset.testid = `tag-${scope}-${cls.id}-${present ? 'present' : 'absent'}`;
        b.setAttribute('aria-pressed', 'false');
        b.addEventListener('click', () => {
          const s = scope === 'item' ? null : slice;
          const cur = tags.get(tagKey(cls.id, s));
          onSet(cls.id, s, cur && cur.present === present ? null : present);
        });
        buttons.set(`${cls.id}:${scope}:${present}`, b);
        grp.append(b);
      }
      row.append(grp);
    }
    table.append(row);
  }

  function render() {
    for (const cls of classes) {
      for (const scope of scopes) {
        const cur = tags.get(tagKey(cls.id, scope === 'item' ? null : slice));
        for (const present of [true, false]) {
          const b = buttons.get(`${cls.id}:${scope}:${present}`);
          const on = !!cur && cur.present === present;
          b.setAttribute('aria-pressed', String(on));
          b.setAttribute('aria-label', `${cls.name}: ${present ? 'present' : 'absent'} on ${scope === 'item' ? 'the whole item' : `slice ${slice}`}`);
        }
      }
    }
  }

  return {
    element: root,
    /** tagsByKey: Map tagKey → {present}. */
    update({ slice: s = slice, tagsByKey = tags } = {}) { slice = s; tags = tagsByKey; render(); },
    destroy() { root.remove(); },
  };
}
