import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClickPolygon, CLOSE_RADIUS_PX } from '../src/polygon-clicks.js';

// World (mm) → canvas px at a zoom of 2 px per mm.
const zoom2 = (w) => [w[0] * 2, w[1] * 2];

test('Each click adds a vertex; three or more close with a click near the first vertex', () => {
  const p = new ClickPolygon();
  assert.equal(p.active, false);
  assert.equal(p.click([0, 0, 5], zoom2), 'added');
  assert.equal(p.click([10, 0, 5], zoom2), 'added');
  assert.equal(p.active, true);
  assert.equal(p.click([1, 1, 5], zoom2), 'added', 'near the first with only two vertices: a vertex, not a close');
  assert.equal(p.click([10, 10, 5], zoom2), 'added');
  assert.equal(p.click([2, 2, 5], zoom2), 'closed', '√8 mm = 5.7 px from the first vertex');
  assert.deepEqual(p.close(), [[0, 0, 5], [10, 0, 5], [1, 1, 5], [10, 10, 5]]);
  assert.equal(p.active, false, 'closing starts afresh');
});

test('The closing distance is in screen pixels, so it holds at any zoom', () => {
  const p = new ClickPolygon();
  for (const w of [[0, 0, 0], [20, 0, 0], [20, 20, 0]]) p.click(w, zoom2);
  const far = CLOSE_RADIUS_PX / 2 + 1; // mm: just outside at zoom 2
  assert.equal(p.click([far, 0, 0], zoom2), 'added');
  const q = new ClickPolygon();
  for (const w of [[0, 0, 0], [20, 0, 0], [20, 20, 0]]) q.click(w, (x) => [x[0], x[1]]);
  assert.equal(q.click([far, 0, 0], (x) => [x[0], x[1]]), 'closed', 'at zoom 1 the same point is near enough');
});

test('A click on the last vertex adds nothing (the second press of a double-click)', () => {
  const p = new ClickPolygon();
  p.click([0, 0, 0], zoom2);
  assert.equal(p.click([0.5, 0, 0], zoom2), 'ignored');
  assert.equal(p.vertices.length, 1);
});

test('Backspace takes back the last vertex; Escape drops them all; fewer than three do not close', () => {
  const p = new ClickPolygon();
  p.click([0, 0, 0], zoom2); p.click([10, 0, 0], zoom2); p.click([10, 10, 0], zoom2);
  assert.equal(p.removeLast(), true);
  assert.deepEqual(p.vertices, [[0, 0, 0], [10, 0, 0]]);
  assert.equal(p.closable, false);
  assert.equal(p.close(), null);
  assert.equal(p.vertices.length, 2, 'a failed close keeps the vertices');
  assert.equal(p.cancel(), true);
  assert.equal(p.active, false);
  assert.equal(p.removeLast(), false);
  assert.equal(p.cancel(), false);
});

test('Vertices handed out are copies', () => {
  const p = new ClickPolygon();
  const w = [1, 2, 3];
  p.click(w, zoom2);
  w[0] = 99;
  p.vertices[0][1] = 99;
  assert.deepEqual(p.vertices, [[1, 2, 3]]);
});
