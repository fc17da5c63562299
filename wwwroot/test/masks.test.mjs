import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGeometry } from '../src/geometry.js';
import { annotationToCommand, commandToWorld, recreate, toolFor, TOOL_KINDS } from '../src/commands.js';

const geometry = createGeometry({ origin: [-180, -180, -300], spacing: [0.7, 0.7, 2.5], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] });
const oblique = createGeometry({ origin: [-120.25, 35.5, 410], spacing: [0.8, 0.6, 2.2], direction: [0.866025, -0.5, 0, 0.469846, 0.813798, -0.34202, 0.17101, 0.296198, 0.939693] });
const dims = { nx: 512, ny: 512, nz: 120 };
const ctx = (extra = {}) => ({ itemId: 'item-1', geometry, dims, classId: 2, activeMs: 812.6, ...extra });
const contour = (toolName, g, pts, k, closed) => ({
  metadata: { toolName }, data: { handles: { points: [] }, contour: { closed, polyline: pts.map(([i, j]) => g.indexToWorld([i, j, k])) } },
});

test('A closed freehand contour becomes a polygon command with only the polygon member, the repeated first point dropped', () => {
  const pts = [[10, 10], [40.5, 12.25], [30, 44], [10, 10]];
  const c = annotationToCommand(contour('WeakPolygon', oblique, pts, 17, true), ctx({ geometry: oblique }));
  assert.deepEqual({ ...c, commandId: 0 }, {
    commandId: 0, itemId: 'item-1', kind: 'polygon', classId: 2, slice: 17, activeMs: 813,
    polygon: { points: [[10, 10], [40.5, 12.25], [30, 44]] },
  });
});

test('Brush and eraser strokes become brush commands with their width and erase flag', () => {
  const pts = [[100, 100], [104.5, 101], [110, 103.25]];
  const paint = annotationToCommand(contour('WeakBrush', geometry, pts, 3, false), ctx({ width: 9 }));
  const erase = annotationToCommand(contour('WeakEraser', geometry, pts, 3, false), ctx({ width: 4 }));
  assert.equal(paint.kind, 'brush'); assert.equal(erase.kind, 'brush');
  assert.deepEqual(paint.brush, { points: pts, width: 9, erase: false });
  assert.deepEqual(erase.brush, { points: pts, width: 4, erase: true });
  assert.equal(paint.scribble, undefined); assert.equal(paint.slice, 3);
  assert.equal(TOOL_KINDS.WeakEraser, 'brush');
  assert.equal(toolFor(paint), 'WeakBrush'); assert.equal(toolFor(erase), 'WeakEraser');
  assert.equal(toolFor({ kind: 'polygon', polygon: { points: [] } }), 'WeakPolygon');
  assert.equal(toolFor({ kind: 'tag' }), undefined);
});

test('Polygons and brush strokes go back to world points that convert to the same commands', () => {
  const polygon = { commandId: 'c', itemId: 'item-1', kind: 'polygon', classId: 1, slice: 9, activeMs: 0, polygon: { points: [[1, 2], [30, 2], [30, 40], [1.5, 40]] } };
  const back = commandToWorld(polygon, oblique);
  assert.equal(back.points.length, 4); assert.equal(back.slice, 9);
  const again = annotationToCommand({ metadata: { toolName: 'WeakPolygon' }, data: { handles: { points: [] }, contour: { closed: true, polyline: back.points } } }, ctx({ geometry: oblique, classId: 1 }));
  assert.deepEqual(again.polygon, polygon.polygon);

  const erase = { ...polygon, kind: 'brush', polygon: undefined, brush: { points: [[5, 5], [9, 7]], width: 6, erase: true } };
  const stroke = commandToWorld(erase, geometry);
  const brushAgain = annotationToCommand({ metadata: { toolName: toolFor(erase) }, data: { handles: { points: [] }, contour: { closed: false, polyline: stroke.points } } }, ctx({ classId: 1, width: 6 }));
  assert.deepEqual(brushAgain.brush, erase.brush);
  // Redo sends the same stroke under a fresh command id.
  const redo = recreate(brushAgain);
  assert.notEqual(redo.commandId, brushAgain.commandId); assert.deepEqual(redo.brush, brushAgain.brush);
});

test('Full-mask shapes off the image, of background, too small or too thin are refused with a reason', () => {
  assert.throws(() => annotationToCommand(contour('WeakPolygon', geometry, [[10, 10], [600, 10], [30, 40]], 1, true), ctx()), /polygon leaves the image \(512 × 512\)/);
  assert.throws(() => annotationToCommand(contour('WeakPolygon', geometry, [[10, 10], [60, 10], [30, 40]], 1, true), ctx({ classId: 0 })), /A polygon needs a class; background is only for scribbles and points/);
  assert.throws(() => annotationToCommand(contour('WeakEraser', geometry, [[10, 10]], 1, false), ctx({ classId: 0 })), /A brush needs a class/);
  assert.throws(() => annotationToCommand(contour('WeakBrush', geometry, [[10, 10], [-3, 10]], 1, false), ctx()), /brush stroke leaves the image/);
});

test('Freehand outlines and strokes drop points on straight runs but keep corners', async () => {
  const { simplify } = await import('../src/geometry.js');
  const run = [[0, 0], [1, 0.01], [2, 0], [3, 0], [3, 1], [3, 2.05], [3, 3]];
  assert.deepEqual(simplify(run, 0.1), [[0, 0], [3, 0], [3, 3]]);
  const pts = [...Array(50).keys()].map((n) => [10 + n * 0.2, 10]).concat([[20, 15]]);
  const c = annotationToCommand(contour('WeakBrush', geometry, pts, 3, false), ctx({ width: 5 }));
  assert.deepEqual(c.brush.points, [[10, 10], [19.8, 10], [20, 15]]);
});
