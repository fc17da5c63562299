import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGeometry } from '../src/geometry.js';
import { annotationToCommand, commandFromView, commandToWorld, deleteCommand, recreate, sameLabel, tagCommand, uuid } from '../src/commands.js';

const geometry = createGeometry({ origin: [-180, -180, -300], spacing: [0.7, 0.7, 2.5], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] });
const oblique = createGeometry({ origin: [-120.25, 35.5, 410], spacing: [0.8, 0.6, 2.2], direction: [0.866025, -0.5, 0, 0.469846, 0.813798, -0.34202, 0.17101, 0.296198, 0.939693] });
const dims = { nx: 512, ny: 512, nz: 120 };
const ctx = (extra = {}) => ({ itemId: 'item-1', geometry, dims, classId: 2, activeMs: 5230.4, ...extra });
const w = (g, i, j, k) => g.indexToWorld([i, j, k]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('A RectangleROI annotation becomes a box command in index space with only the box member', () => {
  const ann = { metadata: { toolName: 'RectangleROI' }, data: { handles: { points: [w(geometry, 80, 20, 42), w(geometry, 10.5, 20, 42), w(geometry, 80, 95.5, 42), w(geometry, 10.5, 95.5, 42)] } } };
  const c = annotationToCommand(ann, ctx());
  assert.match(c.commandId, UUID);
  assert.deepEqual({ ...c, commandId: undefined }, {
    commandId: undefined, itemId: 'item-1', kind: 'box', classId: 2, slice: 42, activeMs: 5230,
    box: { x0: 10.5, y0: 20, x1: 80, y1: 95.5 },
  });
});

test('An open freehand contour on an oblique volume becomes a scribble with its width', () => {
  const pts = [[10, 10], [11.5, 12.25], [14, 15]];
  const ann = { metadata: { toolName: 'Scribble' }, data: { handles: { points: [] }, contour: { closed: false, polyline: pts.map(([i, j]) => w(oblique, i, j, 7)) } } };
  const c = annotationToCommand(ann, ctx({ geometry: oblique, classId: 0, width: 5 }));
  assert.equal(c.kind, 'scribble'); assert.equal(c.slice, 7); assert.equal(c.classId, 0);
  assert.deepEqual(c.scribble, { points: pts, width: 5 });
  assert.equal(c.box, undefined); assert.equal(c.point, undefined);
});

test('A probe becomes a negative point when asked', () => {
  const ann = { metadata: { toolName: 'WeakPoint' }, data: { handles: { points: [w(geometry, 100, 120, 3)] } } };
  const c = annotationToCommand(ann, ctx({ positive: false }));
  assert.deepEqual(c.point, { x: 100, y: 120, positive: false });
  assert.equal(c.slice, 3);
});

test('Shapes outside the image, across slices or of background boxes are refused with a reason', () => {
  const box = (pts) => ({ metadata: { toolName: 'RectangleROI' }, data: { handles: { points: pts } } });
  assert.throws(() => annotationToCommand(box([w(geometry, 10, 10, 1), w(geometry, 600, 10, 1), w(geometry, 10, 40, 1), w(geometry, 600, 40, 1)]), ctx()), /outside the image \(512 × 512\)/);
  assert.throws(() => annotationToCommand(box([w(geometry, 10, 10, 1), w(geometry, 60, 10, 1), w(geometry, 10, 40, 1), w(geometry, 60, 40, 3)]), ctx()), /one slice/);
  assert.throws(() => annotationToCommand(box([w(geometry, 10, 10, 1), w(geometry, 60, 10, 1), w(geometry, 10, 40, 1), w(geometry, 60, 40, 1)]), ctx({ classId: 0 })), /A box needs a class/);
  assert.throws(() => annotationToCommand({ metadata: { toolName: 'Length' }, data: {} }, ctx()), /no protocol annotation/);
});

test('Commands go back to world points that convert to the same indices', () => {
  const box = { commandId: 'c', itemId: 'i', kind: 'box', classId: 1, slice: 9, box: { x0: 1, y0: 2, x1: 30, y1: 40 } };
  const back = commandToWorld(box, oblique);
  assert.equal(back.points.length, 4);
  const ann = { metadata: { toolName: 'RectangleROI' }, data: { handles: { points: back.points } } };
  assert.deepEqual(annotationToCommand(ann, ctx({ geometry: oblique, classId: 1 })).box, box.box);
});

test('Tag and delete commands carry only their member; recreate gives a new commandId', () => {
  const t = tagCommand({ itemId: 'i', classId: 3, slice: null, present: true, activeMs: 10 });
  assert.deepEqual({ ...t, commandId: 0 }, { commandId: 0, itemId: 'i', kind: 'tag', classId: 3, slice: null, activeMs: 10, tag: { present: true } });
  const d = deleteCommand({ itemId: 'i', annotationId: 'a-1' });
  assert.deepEqual(d.delete, { annotationId: 'a-1' }); assert.equal(d.kind, 'delete');
  const r = recreate(t);
  assert.notEqual(r.commandId, t.commandId); assert.deepEqual(r.tag, t.tag);
  assert.notEqual(uuid(), uuid());
});

test('A stored annotation read back from the server becomes the command that made it, and compares equal to it', () => {
  const made = { commandId: 'c1', itemId: 'i', kind: 'point', classId: 2, slice: 12, activeMs: 143, point: { x: 90.8297, y: 87.7162, positive: true } };
  // GetMyAnnotations gives every member (nulls for the other kinds), provenance and the annotation id.
  const view = { annotationId: 'a1', commandId: 'c1', itemId: 'i', kind: 'point', classId: 2, slice: 12, box: null, scribble: null, point: { x: 90.8297, y: 87.7162, positive: true }, tag: null, activeMs: 143, provenance: { source: 'manual' }, polygon: null, brush: null };
  const back = commandFromView(view);
  assert.deepEqual(back, made);
  assert.ok(sameLabel(back, { ...made, commandId: 'other', activeMs: 0 }));
  assert.ok(!sameLabel(back, { ...made, point: { ...made.point, x: 91 } }));
  assert.ok(!sameLabel(back, { ...made, classId: 3 }));
  assert.ok(!sameLabel(back, { ...made, slice: 11 }));
});

test('Every kind read back from the server keeps exactly its own geometry member', () => {
  const views = {
    box: { box: { x0: 1, y0: 2, x1: 3, y1: 4 } },
    scribble: { scribble: { points: [[1, 1], [2, 2]], width: 3 } },
    tag: { tag: { present: false } },
    polygon: { polygon: { points: [[1, 1], [5, 1], [5, 5]] } },
    brush: { brush: { points: [[1, 1]], width: 8, erase: true } },
    point: { point: { x: 1, y: 2, positive: true } },
    mask: { mask: { width: 2, height: 2, counts: [1, 3] } },
  };
  // Every kind a project may allow (the shared rules' list) must come back; a new kind needs a view here.
  const { project } = JSON.parse(readFileSync(new URL('./annotation-cases.json', import.meta.url), 'utf8'));
  assert.deepEqual(Object.keys(views).sort(), [...project.kinds].sort());
  for (const [kind, member] of Object.entries(views)) {
    const view = { annotationId: 'a', commandId: 'c', itemId: 'i', kind, classId: 1, slice: kind === 'tag' ? null : 3, box: null, scribble: null, point: null, tag: null, polygon: null, brush: null, mask: null, activeMs: 5, provenance: { source: 'manual' }, ...member };
    const command = commandFromView(view);
    assert.deepEqual(Object.keys(command).sort(), ['activeMs', 'classId', 'commandId', 'itemId', 'kind', 'slice', kind].sort(), kind);
    assert.ok(sameLabel(command, { ...command }), kind);
  }
});

test('A label read back from a suggestion keeps its provenance; a manual one carries none, as sent', () => {
  const provenance = { source: 'suggestion', engine: 'grabcut-box', modelVersion: '1', prompt: '{}', suggestionId: 's', objectId: 'o' };
  const view = { annotationId: 'a', commandId: 'c', itemId: 'i', kind: 'mask', classId: 1, slice: 3, mask: { width: 2, height: 2, counts: [1, 3] }, activeMs: 5, provenance };
  assert.deepEqual(commandFromView(view).provenance, provenance);
  assert.equal('provenance' in commandFromView({ ...view, provenance: { source: 'manual' } }), false);
});

test('A delete carries class 0: the protocol\'s classId is a number', () => {
  assert.equal(deleteCommand({ itemId: 'i', annotationId: 'a' }).classId, 0);
});

test('A brush, eraser or polygon stored on a coronal or sagittal plane goes back to world points on that plane, and a move there keeps its plane', () => {
  const small = { nx: 64, ny: 48, nz: 20 };
  const cases = [
    { kind: 'brush', plane: 'coronal', slice: 30, brush: { points: [[4, 2], [20.5, 9.25]], width: 3, erase: false }, tool: 'WeakBrush' },
    { kind: 'brush', plane: 'sagittal', slice: 12, brush: { points: [[5, 1], [40, 18]], width: 2, erase: true }, tool: 'WeakEraser' },
    { kind: 'polygon', plane: 'sagittal', slice: 7, polygon: { points: [[3, 2], [30, 2], [30, 15]] }, tool: 'WeakPolygon' },
  ];
  for (const { tool, ...stored } of cases) {
    const command = { commandId: 'c', itemId: 'i', classId: 1, ...stored };
    const back = commandToWorld(command, oblique);
    assert.equal(back.plane, stored.plane);
    // Every point lies on the plane's slice: j (coronal) or i (sagittal).
    for (const p of back.points) assert.ok(Math.abs(oblique.worldToIndex(p)[stored.plane === 'coronal' ? 1 : 0] - stored.slice) < 1e-6);
    const ann = { metadata: { toolName: tool }, data: { handles: { points: [] }, contour: { closed: stored.kind === 'polygon', polyline: back.points } } };
    const moved = annotationToCommand(ann, ctx({ geometry: oblique, dims: small, classId: 1, plane: stored.plane, width: stored.brush?.width }));
    assert.equal(moved.plane, stored.plane);
    assert.equal(moved.slice, stored.slice);
    assert.deepEqual(moved[stored.kind], stored[stored.kind]);
  }
});
