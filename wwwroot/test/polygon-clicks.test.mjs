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

import { onPlane } from '../src/plane-labels.js';
import { pixelToVoxel, voxelToPixel } from '../src/plane.js';

test('a polygon clicked vertex by vertex on a coronal image is stored on its plane with rows un-flipped (y = k), like a traced one', () => {
  const dims = { nx: 96, ny: 96, nz: 16 };
  // Voxel index space stands in for the world; the canvas is the coronal image, 10 px a pixel.
  const toCanvas = (q) => { const p = voxelToPixel('coronal', dims, q); return [p.col * 10, p.row * 10]; };
  const clicks = new ClickPolygon();
  // Image rows 12 and 8 are k = 3 and k = 7 (row = nz − 1 − k).
  const at = (col, row) => pixelToVoxel('coronal', dims, 55, [col, row]);
  for (const [c, r] of [[50, 12], [58, 12], [58, 8], [50, 8]]) assert.equal(clicks.click(at(c, r), toCanvas), 'added');
  assert.equal(clicks.click(at(50.3, 12.2), toCanvas), 'closed'); // within 8 px of the first vertex
  const stored = onPlane('coronal', 55, { kind: 'polygon', points: clicks.close() });
  assert.deepEqual(stored, { kind: 'polygon', plane: 'coronal', slice: 55, polygon: { points: [[50, 3], [58, 3], [58, 7], [50, 7]] } });
});

test('a polygon clicked on a sagittal image is stored with x = j and y = k', () => {
  const dims = { nx: 96, ny: 80, nz: 16 };
  const clicks = new ClickPolygon();
  const toCanvas = (q) => { const p = voxelToPixel('sagittal', dims, q); return [p.col * 10, p.row * 10]; };
  for (const [c, r] of [[60, 13], [70, 13], [65, 9]]) clicks.click(pixelToVoxel('sagittal', dims, 40, [c, r]), toCanvas);
  assert.deepEqual(onPlane('sagittal', 40, { kind: 'polygon', points: clicks.close() }).polygon.points, [[60, 2], [70, 2], [65, 6]]);
});
