import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createGeometry, invert3 } from '../src/geometry.js';

const { cases } = JSON.parse(readFileSync(new URL('./geometry-cases.json', import.meta.url), 'utf8'));
const close = (a, b, tol, msg) => a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) <= tol, `${msg}: ${a} vs ${b}`));

test('Shared cases: index to world matches the fixture', () => {
  assert.ok(cases.length >= 20);
  for (const c of cases) close(createGeometry(c).indexToWorld(c.index), c.world, 1e-4, c.name);
});

test('Shared cases: world to index matches the fixture', () => {
  for (const c of cases) close(createGeometry(c).worldToIndex(c.world), c.index, 1e-4, c.name);
});

test('Oblique direction with anisotropic spacing round-trips index → world → index', () => {
  const g = createGeometry(cases.find((c) => c.name.startsWith('oblique:')));
  for (const idx of [[0.5, 0.5, 0], [100.25, 37.75, 12], [-0.5, 255.5, 39]]) close(g.worldToIndex(g.indexToWorld(idx)), idx, 1e-9, 'round trip');
});

test('Moving one voxel along i moves spacing[0] mm along the first direction column', () => {
  const c = cases.find((x) => x.name.startsWith('oblique:'));
  const g = createGeometry(c);
  const a = g.indexToWorld([5, 5, 5]), b = g.indexToWorld([6, 5, 5]);
  const step = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  assert.ok(Math.abs(step - c.spacing[0]) < 1e-5);
  close(b.map((v, i) => (v - a[i]) / c.spacing[0]), g.axis(0), 1e-5, 'axis');
});

test('A flipped (RAS-stored) volume maps increasing i to decreasing LPS x', () => {
  const g = createGeometry({ origin: [0, 0, 0], spacing: [2, 2, 2], direction: [-1, 0, 0, 0, -1, 0, 0, 0, 1] });
  assert.deepEqual(g.indexToWorld([1, 2, 3]), [-2, -4, 6]);
});

test('A singular direction or a zero spacing is refused', () => {
  assert.throws(() => invert3([1, 0, 0, 2, 0, 0, 0, 0, 1]), /singular/);
  assert.throws(() => createGeometry({ origin: [0, 0, 0], spacing: [1, 0, 1], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] }), /spacing/);
});

