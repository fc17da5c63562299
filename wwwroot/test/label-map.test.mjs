import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeSlice, LabelMaps, visitPolygon, visitStroke } from '../src/label-map.js';

const dims = { nx: 12, ny: 10 };
const at = (labels, i, j) => labels[j * dims.nx + i];
const count = (labels, c) => labels.reduce((n, v) => n + (v === c ? 1 : 0), 0);
let n = 0;
const polygon = (classId, points, slice = 3) => ({ commandId: `c${++n}`, kind: 'polygon', classId, slice, polygon: { points } });
const brush = (classId, points, width, erase = false, slice = 3) => ({ commandId: `c${++n}`, kind: 'brush', classId, slice, brush: { points, width, erase } });
const collect = (fn) => { const out = []; fn((v) => out.push(v)); return out.sort((a, b) => a - b); };

test('A polygon fills the voxel centres inside it, a centre on a left edge in and on a right edge out', () => {
  const cells = collect((visit) => visitPolygon([[1, 1], [4, 1], [4, 3], [1, 3]], dims.nx, dims.ny, visit));
  // Rows 1 and 2 (row 3 lies on the top-open edge), columns 1..3 (x = 4 is the right edge).
  assert.deepEqual(cells, [13, 14, 15, 25, 26, 27]);
  assert.deepEqual(collect((v) => visitPolygon([[1, 1], [4, 1]], dims.nx, dims.ny, v)), []);
});

test('A brush stroke covers the centres within half its width of the path, at least the voxel under a single point', () => {
  assert.deepEqual(collect((v) => visitStroke([[5.2, 4.9]], 1, dims.nx, dims.ny, v)), [5 * 12 + 5]);
  const line = collect((v) => visitStroke([[2, 5], [6, 5]], 3, dims.nx, dims.ny, v));
  // Radius 1.5: rows 4..6 between x = 2 and 6, plus the round caps: x = 1 and 7 on rows 4..6
  // (distance 1 or √2 ≤ 1.5), not x = 0 or 8 (distance 2).
  assert.equal(line.length, 3 * 5 + 6);
  assert.ok(line.includes(5 * 12 + 1) && line.includes(4 * 12 + 7) && !line.includes(5 * 12 + 0) && !line.includes(5 * 12 + 8));
  // Clipped to the image.
  assert.ok(collect((v) => visitStroke([[0, 0]], 6, dims.nx, dims.ny, v)).every((x) => x >= 0 && x < 120));
});

test('Paint composes in the order made: a later stroke of another class shows over an earlier polygon', () => {
  const labels = composeSlice([polygon(1, [[0.5, 0.5], [8.5, 0.5], [8.5, 8.5], [0.5, 8.5]]), brush(2, [[2, 4], [10, 4]], 1)], dims);
  assert.equal(at(labels, 3, 4), 2);
  assert.equal(at(labels, 3, 3), 1);
  assert.equal(at(labels, 10, 4), 2, 'the stroke outside the polygon');
  assert.equal(at(labels, 10, 3), 0);
  // The other order: the polygon made later covers the stroke.
  const other = composeSlice([brush(2, [[2, 4], [10, 4]], 1), polygon(1, [[0.5, 0.5], [8.5, 0.5], [8.5, 8.5], [0.5, 8.5]])], dims);
  assert.equal(at(other, 3, 4), 1);
  assert.equal(at(other, 10, 4), 2);
});

test('An eraser removes earlier paint of its own class only, and paint made after it stays', () => {
  const square = polygon(1, [[0.5, 0.5], [8.5, 0.5], [8.5, 8.5], [0.5, 8.5]]);
  const stroke2 = brush(2, [[2, 4], [6, 4]], 1);
  const erase2 = brush(2, [[1, 4], [7, 4]], 3, true);
  const labels = composeSlice([square, stroke2, erase2], dims);
  assert.equal(at(labels, 4, 4), 1, 'class 2 erased: the class 1 polygon beneath shows again');
  assert.equal(count(labels, 2), 0);
  const erase1 = brush(1, [[4, 4]], 1, true);
  assert.equal(at(composeSlice([square, stroke2, erase1], dims), 4, 4), 2, 'a class-1 eraser leaves class 2');
  assert.equal(at(composeSlice([square, erase1], dims), 4, 4), 0, 'it removes class 1');
  const after = composeSlice([square, erase1, brush(1, [[4, 4]], 1)], dims);
  assert.equal(at(after, 4, 4), 1, 'paint after the eraser is kept');
  assert.equal(count(composeSlice([erase1], dims), 1), 0, 'an eraser alone paints nothing');
});

test('Only full masks of foreground classes count; tags, boxes, scribbles are ignored', () => {
  const labels = composeSlice([
    { commandId: 'b', kind: 'box', classId: 1, slice: 3, box: { x0: 0, y0: 0, x1: 5, y1: 5 } },
    { commandId: 's', kind: 'scribble', classId: 1, slice: 3, scribble: { points: [[1, 1]], width: 3 } },
    brush(0, [[1, 1]], 3),
  ], dims);
  assert.equal(count(labels, 0), 120);
});

test('Label maps per slice follow undo: removing a stroke from the list brings back what it covered', () => {
  const maps = new LabelMaps(dims);
  const square = polygon(1, [[0.5, 0.5], [8.5, 0.5], [8.5, 8.5], [0.5, 8.5]]);
  const erase = brush(1, [[4, 4]], 3, true);
  const other = polygon(2, [[0.5, 0.5], [3.5, 0.5], [3.5, 3.5]], 7);
  maps.set([square, erase, other]);
  const before = maps.get(3);
  assert.equal(at(before, 4, 4), 0);
  assert.equal(maps.get(3), before, 'kept while nothing on the slice changed');
  assert.equal(maps.get(5), null, 'a slice without masks has none');
  assert.ok(count(maps.get(7), 2) > 0);
  maps.set([square, other]); // the eraser undone
  assert.equal(at(maps.get(3), 4, 4), 1);
  maps.set([square, other, { ...erase, commandId: 'redo' }]); // redone under a new commandId
  assert.equal(at(maps.get(3), 4, 4), 0);
  maps.set([other]); // the polygon deleted from the list
  assert.equal(maps.get(3), null);
});
