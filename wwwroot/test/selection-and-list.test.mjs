import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleSelection } from '../src/selection.js';
import { listRows, rowText } from '../src/annotation-list.js';

const label = (commandId, slice, extra = {}) => ({ command: { commandId, kind: 'box', classId: 1, slice, box: { x0: 0, y0: 0, x1: 1, y1: 1 }, ...extra } });
const labels = new Map([['u1', label('c1', 4)], ['u2', label('c2', 7)], ['u3', label('c3', 4)]]);

test('Only labels selected on the slice on screen count as selected: Delete never removes one on another slice', () => {
  assert.deepEqual(visibleSelection(['u1', 'u2'], { labels, slice: 4 }), ['u1']);
  assert.deepEqual(visibleSelection(['u2'], { labels, slice: 4 }), []);
});

test('A hidden label, or a selection Cornerstone keeps of something not the annotator\'s, is not selected', () => {
  assert.deepEqual(visibleSelection(['u1', 'u3'], { labels, slice: 4, hidden: new Set(['u3']) }), ['u1']);
  assert.deepEqual(visibleSelection(['drawing-in-progress'], { labels, slice: 4 }), []);
});

test('Rows come in slice order, in the order made within a slice, with their state', () => {
  const rows = listRows({ labels, selected: ['u3'], hidden: new Set(['u2']), slice: 4, pending: new Set(['c1']) });
  assert.deepEqual(rows.map((r) => r.uid), ['u1', 'u3', 'u2']);
  assert.deepEqual(rows.map((r) => [r.selected, r.hidden, r.current, r.pending]), [
    [false, false, true, true], [true, false, true, false], [false, true, false, false],
  ]);
});

test('A row names the kind, a point\'s polarity or an eraser, and the class', () => {
  assert.equal(rowText({ kind: 'point', point: { positive: false } }, 'Liver'), 'Point − · Liver');
  assert.equal(rowText({ kind: 'brush', brush: { erase: true } }, 'Liver'), 'Brush (eraser) · Liver');
  assert.equal(rowText({ kind: 'box' }, 'Tumour'), 'Box · Tumour');
});

test('a box stored on a coronal plane counts as selected only while the coronal view on screen shows its slice, whatever the axial slice', () => {
  const labels = new Map([['b', { command: { kind: 'box', plane: 'coronal', slice: 55 } }], ['a', { command: { kind: 'box', slice: 55 } }]]);
  assert.deepEqual(visibleSelection(['b', 'a'], { labels, slice: 4, planeSlices: { coronal: 55 } }), ['b']);
  assert.deepEqual(visibleSelection(['b'], { labels, slice: 55, planeSlices: { coronal: 54 } }), []);
  assert.deepEqual(visibleSelection(['b'], { labels, slice: 55 }), [], 'the coronal view is not shown');
});
