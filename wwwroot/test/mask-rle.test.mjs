import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { encodeMask, decodeMask, maskCodeProblem } from '../src/mask-rle.js';

// The mask code shared with the server (tests/WeakSegPortal.Core.Tests/Labels/SharedMaskRleCasesTests.cs).
const { cases, refused } = JSON.parse(readFileSync(new URL('./mask-rle-cases.json', import.meta.url), 'utf8'));

const maskOf = (c) => { const m = new Uint8Array(c.width * c.height); for (const v of c.mask) m[v] = 1; return m; };

for (const c of cases) {
  test(`Mask code case encodes and decodes exactly: ${c.name}`, () => {
    assert.deepEqual(encodeMask(maskOf(c)), c.counts);
    assert.deepEqual([...decodeMask(c.counts, c.width, c.height)], [...maskOf(c)]);
  });
}

for (const c of refused) {
  test(`Mask code is refused with a reason: ${c.name}`, () => {
    assert.match(maskCodeProblem(c.counts, c.width, c.height) ?? '', new RegExp(c.because));
    assert.throws(() => decodeMask(c.counts, c.width, c.height), new RegExp(c.because));
  });
}

test('A random mask survives the round trip', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const mask = Uint8Array.from({ length: 64 * 48 }, () => (rand() < 0.3 ? 1 : 0));
  assert.deepEqual(decodeMask(encodeMask(mask), 64, 48), mask);
});
