import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawShape, POINT_RADIUS_PX, shapesOn } from '../src/qa-shapes.js';

/** A 2D context that records what is drawn. */
function recorder() {
  const calls = [];
  const ctx = new Proxy({ calls }, {
    get(target, name) {
      if (name in target) return target[name];
      return (...args) => calls.push([name, ...args]);
    },
    set(target, name, value) { calls.push([`=${String(name)}`, value]); return true; },
  });
  return { ctx, calls };
}

const layers = [
  { id: 'a', colour: '#00e5ff', shapes: [{ kind: 'box', slice: 2, points: [30, 20, 10, 5] }, { kind: 'point', slice: 3, points: [1, 1], positive: true }] },
  { id: 'b', colour: '#ffea00', shapes: [{ kind: 'scribble', slice: 2, points: [1, 2, 3.5, 4], width: 3 }] },
];

test('Only the visible layers\' shapes on the shown slice are drawn, in layer order', () => {
  assert.deepEqual(shapesOn(layers, new Set(), 2).map((s) => `${s.layer.id}:${s.shape.kind}`), ['a:box', 'b:scribble']);
  assert.deepEqual(shapesOn(layers, new Set(['a']), 2).map((s) => s.layer.id), ['b']);
  assert.deepEqual(shapesOn(layers, new Set(), 0), []);
});

test('A box is drawn from its smaller corner, whichever way it was dragged', () => {
  const { ctx, calls } = recorder();
  drawShape(ctx, layers[0].shapes[0], '#00e5ff', 4);
  assert.deepEqual(calls.find((c) => c[0] === 'strokeRect'), ['strokeRect', 10, 5, 20, 15]);
  assert.deepEqual(calls.find((c) => c[0] === '=strokeStyle'), ['=strokeStyle', '#00e5ff']);
});

test('A click keeps its size on screen at any zoom: positive filled, negative a ring with a bar', () => {
  for (const pxPerVoxel of [0.5, 8]) {
    const { ctx, calls } = recorder();
    drawShape(ctx, { kind: 'point', points: [4, 5], positive: true }, '#fff', pxPerVoxel);
    const arc = calls.find((c) => c[0] === 'arc');
    assert.equal(arc[3] * pxPerVoxel, POINT_RADIUS_PX);
    assert.ok(calls.some((c) => c[0] === 'fill'));
  }
  const { ctx, calls } = recorder();
  drawShape(ctx, { kind: 'point', points: [4, 5], positive: false }, '#fff', 2);
  assert.ok(!calls.some((c) => c[0] === 'fill'));
  assert.equal(calls.filter((c) => c[0] === 'stroke').length, 2);
});

test('A scribble is as wide as drawn in voxels, and an eraser stroke is dashed', () => {
  const { ctx, calls } = recorder();
  drawShape(ctx, layers[1].shapes[0], '#ffea00', 10);
  assert.deepEqual(calls.filter((c) => c[0] === 'moveTo' || c[0] === 'lineTo'), [['moveTo', 1, 2], ['lineTo', 3.5, 4]]);
  assert.deepEqual(calls.filter((c) => c[0] === '=lineWidth').at(-1), ['=lineWidth', 3]);
  const erased = recorder();
  drawShape(erased.ctx, { kind: 'brush', points: [0, 0, 2, 2], width: 4, erase: true }, '#f00', 10);
  assert.ok(erased.calls.some((c) => c[0] === 'setLineDash' && c[1].length === 2));
});

test('An accepted mask fills its set voxels, one rectangle per row a run spans, centred on the voxels', () => {
  const { ctx, calls } = recorder();
  // 4 × 3: pixels 2..5 set (row 0: x 2–3, row 1: x 0–1), then pixel 9.
  assert.equal(drawShape(ctx, { kind: 'mask', slice: 0, points: [], mask: { width: 4, height: 3, counts: [2, 4, 3, 1, 2] } }, '#0f0', 4), true);
  assert.deepEqual(calls.filter((c) => c[0] === 'fillRect'), [
    ['fillRect', 1.5, -0.5, 2, 1], ['fillRect', -0.5, 0.5, 2, 1], ['fillRect', 0.5, 1.5, 1, 1],
  ]);
});

// Every kind a project may allow (the shared rules' list) must be drawn by the QA viewer; tags have no shape.
const { readFileSync } = await import('node:fs');
const { project } = JSON.parse(readFileSync(new URL('./annotation-cases.json', import.meta.url), 'utf8'));
const SAMPLES = {
  box: { kind: 'box', points: [1, 1, 5, 5] },
  scribble: { kind: 'scribble', points: [1, 1, 5, 5], width: 2 },
  point: { kind: 'point', points: [1, 1], positive: true },
  polygon: { kind: 'polygon', points: [1, 1, 5, 1, 5, 5] },
  brush: { kind: 'brush', points: [1, 1, 5, 5], width: 2, erase: false },
  mask: { kind: 'mask', points: [], mask: { width: 2, height: 2, counts: [1, 2, 1] } },
};
for (const kind of project.kinds.filter((k) => k !== 'tag')) {
  test(`The QA viewer draws every label kind: ${kind}`, () => {
    assert.ok(SAMPLES[kind], `no sample for "${kind}": add a case to drawShape and a sample here`);
    const { ctx, calls } = recorder();
    assert.equal(drawShape(ctx, SAMPLES[kind], '#fff', 4), true);
    assert.ok(calls.some((c) => ['fill', 'stroke', 'strokeRect', 'fillRect'].includes(c[0])));
  });
}
