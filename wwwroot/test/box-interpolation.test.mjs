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
