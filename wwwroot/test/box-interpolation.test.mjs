import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { interpolateBoxes } from '../src/box-interpolation.js';

const { cases } = JSON.parse(readFileSync(new URL('./box-interpolation-cases.json', import.meta.url), 'utf8'));

for (const c of cases) {
  test(`box interpolation: ${c.name}`, () => {
    const { boxes, refused } = interpolateBoxes(c.a, c.b);
    assert.equal(refused, c.refused);
    assert.deepEqual(boxes.map((b) => b.slice), c.between.map((b) => b.slice));
    boxes.forEach((b, i) => {
      assert.equal(b.classId, c.a.classId);
      assert.equal(b.plane, c.between[i].plane);
      for (const key of ['x0', 'y0', 'x1', 'y1']) assert.ok(Math.abs(b[key] - c.between[i][key]) < 1e-9, `${key} of slice ${b.slice}: ${b[key]} vs ${c.between[i][key]}`);
    });
  });
}

import { interpolationPartner } from '../src/box-interpolation.js';
import { boxCommand } from '../src/commands.js';
import { propagationObject } from '../src/plane-propagation.js';

const box = (slice, classId, plane, x0 = 10) => ({ kind: 'box', classId, slice, box: { x0, y0: 2, x1: x0 + 10, y1: 8 }, ...(plane ? { plane } : {}) });

test('Shift+I on a coronal box pairs it with the nearest coronal box of its class, never an axial or sagittal one', () => {
  const source = box(30, 2, 'coronal');
  const labels = [box(33, 2), box(32, 2, 'sagittal'), box(31, 2, 'coronal'), box(36, 2, 'coronal'), box(34, 1, 'coronal'), box(40, 2, 'coronal'), source];
  const { partner, boxed } = interpolationPartner(source, labels);
  assert.equal(partner, labels[3]); // slice 31 is too close, 33 and 32 are other planes, 34 another class
  assert.deepEqual([...boxed].sort((a, b) => a - b), [30, 31, 36, 40]);
});

test('Shift+I on an axial box ignores boxes stored on a reformat', () => {
  const source = box(4, 2);
  const { partner, boxed } = interpolationPartner(source, [box(8, 2, 'coronal'), box(9, 2), source, box(7, 2, 'sagittal')]);
  assert.equal(partner.slice, 9);
  assert.equal(partner.plane, undefined);
  assert.deepEqual([...boxed].sort((a, b) => a - b), [4, 9]);
});

test('Shift+I with no box of the class and plane two slices away has no partner', () => {
  const source = box(4, 2, 'sagittal');
  assert.equal(interpolationPartner(source, [source, box(5, 2, 'sagittal'), box(9, 2, 'coronal')]).partner, null);
});

test('two coronal boxes interpolate to coronal boxes, stored with their plane in its own coordinates and shown with rows flipped', () => {
  const a = { ...box(20, 2, 'coronal', 10).box, slice: 20, classId: 2, plane: 'coronal' };
  const b = { x0: 30, y0: 4, x1: 50, y1: 12, slice: 24, classId: 2, plane: 'coronal' };
  const { boxes, refused } = interpolateBoxes(a, b);
  assert.equal(refused, null);
  assert.deepEqual(boxes.map((x) => [x.slice, x.plane]), [[21, 'coronal'], [22, 'coronal'], [23, 'coronal']]);
  assert.deepEqual({ ...boxes[1], plane: undefined, slice: undefined, classId: undefined }, { x0: 20, y0: 3, x1: 35, y1: 10, plane: undefined, slice: undefined, classId: undefined });
  const command = boxCommand({ itemId: 'i', classId: 2, slice: 22, box: boxes[1], provenance: { source: 'interpolated', prompt: '{}' }, activeMs: 0, plane: 'coronal' });
  assert.equal(command.plane, 'coronal');
  assert.deepEqual(command.box, { x0: 20, y0: 3, x1: 35, y1: 10 });
  assert.equal(command.provenance.source, 'interpolated');
  assert.equal(boxCommand({ itemId: 'i', classId: 2, slice: 22, box: boxes[1], activeMs: 0, plane: 'axial' }).plane, undefined);
  // On the coronal image (16 slices: row = 15 − k) the proposal is drawn at rows 5…12.
  assert.deepEqual(propagationObject({ ...command }, { nx: 96, ny: 96, nz: 16 }).box, { x0: 20, y0: 5, x1: 35, y1: 12 });
});
