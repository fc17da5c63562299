import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrastOn, pointMarks, POINT_RADIUS_PX, SELECTED_COLOUR, styleFor } from '../src/label-style.js';

test('A negative point is drawn in its class colour, marked minus; a positive one plus', () => {
  const neg = styleFor({ colour: '#ff5d73', positive: false, kind: 'point' });
  const pos = styleFor({ colour: '#ff5d73', positive: true, kind: 'point' });
  assert.equal(neg.color, '#ff5d73');
  assert.equal(neg.pointMarker, 'minus');
  assert.equal(pos.pointMarker, 'plus');
});

test('A point is a filled disc of a fixed screen radius with a plus or a minus inside', () => {
  const plus = pointMarks([100, 50], { color: '#ff5d73', marker: 'plus' });
  const disc = plus.circles.find((c) => c.id === 'disc');
  assert.equal(disc.fill, '#ff5d73');
  assert.equal(disc.radius, POINT_RADIUS_PX);
  assert.deepEqual(disc.center, [100, 50]);
  assert.deepEqual(plus.lines.map((l) => l.id), ['bar', 'stem']);
  const minus = pointMarks([100, 50], { color: '#ff5d73', marker: 'minus' });
  assert.deepEqual(minus.lines.map((l) => l.id), ['bar']);
  assert.notEqual(minus.circles.find((c) => c.id === 'disc').stroke, disc.stroke, 'a negative point has a contrasting rim');
});

test('A selected point gets a white ring; a highlighted one a ring in its colour; a plain one none', () => {
  const ring = (state) => pointMarks([0, 0], { color: '#ffb347', state }).circles.find((c) => c.id === 'ring');
  assert.equal(ring('default'), undefined);
  assert.equal(ring('selected').stroke, SELECTED_COLOUR);
  assert.equal(ring('highlighted').stroke, '#ffb347');
});

test('The marker inside reads on the class colour: black on light colours, white on dark ones', () => {
  assert.equal(contrastOn('#ffd54f'), '#000000');
  assert.equal(contrastOn('#1f3a93'), '#ffffff');
  assert.equal(pointMarks([0, 0], { color: '#ffd54f' }).lines[0].stroke, '#000000');
});

test('Selected labels are drawn white and thicker than plain, so what Delete removes is always visible', () => {
  for (const kind of ['box', 'scribble', 'polygon', 'brush']) {
    const s = styleFor({ colour: '#ff5d73', kind, width: 4, outline: kind === 'polygon' || kind === 'brush' });
    assert.equal(s.colorSelected, SELECTED_COLOUR, kind);
    assert.ok(Number(s.lineWidthSelected) > Number(s.lineWidth), kind);
    assert.ok(Number(s.lineWidthHighlighted) > Number(s.lineWidth), kind);
  }
});

test('While drawn, a label shows its own colour although Cornerstone selects it', () => {
  const s = styleFor({ colour: '#ff5d73', kind: 'box', drawing: true });
  assert.equal(s.colorSelected, '#ff5d73');
  assert.equal(s.lineWidthSelected, s.lineWidth);
});
