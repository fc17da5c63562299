import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { composeSlice } from '../src/label-map.js';

// The full-mask cases shared with the server (tests/WeakSegPortal.Core.Tests/Labels/SharedMaskCasesTests.cs):
// the workspace must show, per class, exactly the voxels the agreement maths reads.
const { cases } = JSON.parse(readFileSync(new URL('./mask-cases.json', import.meta.url), 'utf8'));

for (const c of cases) {
  test(`Shared mask case: ${c.name}`, () => {
    const classes = [...new Set(c.shapes.map((s) => s.classId))].sort((a, b) => a - b);
    const painted = {};
    for (const classId of classes) {
      // One class at a time: classes are kept apart, so this is that class's own paint.
      const map = composeSlice(c.shapes.filter((s) => s.classId === classId), { nx: c.nx, ny: c.ny });
      painted[classId] = [...map.keys()].filter((v) => map[v] === classId);
    }
    assert.deepEqual(painted, c.painted);
  });
}
