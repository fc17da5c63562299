// Propagation from a coronal or sagittal label (plane-propagation.js): the request's object is in
// the image pixels the server cuts (highest k on the top row); a proposal is stored on its plane
// with y = k ascending, and lands on the voxels it was shown on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { propagationObject, storedMask } from '../src/plane-propagation.js';
import { pixelToVoxel } from '../src/plane.js';
import { decodeMask, encodeMask } from '../src/mask-rle.js';
import { maskCommand } from '../src/commands.js';
import { validateCommand } from '../src/validation.js';

const dims = { nx: 6, ny: 5, nz: 4 };
const maskOf = (width, height, set) => {
  const m = new Uint8Array(width * height);
  for (const [x, y] of set) m[y * width + x] = 1;
  return { width, height, counts: encodeMask(m) };
};

test('an axial box or mask goes as it is stored', () => {
  const box = { x0: 0.5, y0: 1.5, x1: 3.5, y1: 2.5 };
  assert.deepEqual(propagationObject({ kind: 'box', slice: 2, box }, dims), { orientation: 'axial', slice: 2, box });
  const mask = maskOf(6, 5, [[1, 1]]);
  assert.deepEqual(propagationObject({ kind: 'mask', slice: 2, mask }, dims), { orientation: 'axial', slice: 2, mask });
});

test('a coronal box (y = k) is sent in image rows: the same voxels, the highest k on the top row', () => {
  const object = propagationObject({ kind: 'box', plane: 'coronal', slice: 3, box: { x0: 0.5, y0: 0.5, x1: 2.5, y1: 2.5 } }, dims);
  assert.deepEqual(object, { orientation: 'coronal', slice: 3, box: { x0: 0.5, y0: 0.5, x1: 2.5, y1: 2.5 } });
  const low = propagationObject({ kind: 'box', plane: 'sagittal', slice: 1, box: { x0: 1, y0: -0.5, x1: 3, y1: 0.5 } }, dims);
  assert.deepEqual(low, { orientation: 'sagittal', slice: 1, box: { x0: 1, y0: 2.5, x1: 3, y1: 3.5 } });
  // Its corners are the stored box's corners in voxel space (k = y), rows swapped.
  assert.equal(pixelToVoxel('sagittal', dims, 1, [low.box.x0, low.box.y1])[2], -0.5);
  assert.equal(pixelToVoxel('sagittal', dims, 1, [low.box.x0, low.box.y0])[2], 0.5);
});

test('a coronal mask is sent flipped, and a proposal comes back to the stored form unchanged', () => {
  const stored = maskOf(6, 4, [[2, 0], [3, 0], [2, 1]]); // k = 0 and 1
  const object = propagationObject({ kind: 'mask', plane: 'coronal', slice: 2, mask: stored }, dims);
  const image = decodeMask(object.mask.counts, 6, 4);
  assert.deepEqual([image[3 * 6 + 2], image[3 * 6 + 3], image[2 * 6 + 2], image[0 * 6 + 2]], [1, 1, 1, 0]);
  assert.deepEqual(storedMask(object.mask, 'coronal'), stored);
  assert.deepEqual(storedMask(stored, 'axial'), stored);
});

test('a proposed pixel is stored on the voxel it was shown on, and the stored mask passes the shared validator', () => {
  for (const [orientation, width, height] of [['coronal', 6, 4], ['sagittal', 5, 4]]) {
    const proposal = maskOf(width, height, [[1, 0], [2, 0], [1, 1]]); // image row 0 = the top = k 3
    const mask = storedMask(proposal, orientation);
    const cells = decodeMask(mask.counts, width, height);
    for (const [col, row] of [[1, 0], [2, 0], [1, 1]]) {
      const k = pixelToVoxel(orientation, dims, 2, [col, row])[2];
      assert.equal(cells[k * width + col], 1, `${orientation} (${col}, ${row}) → k ${k}`);
    }
    assert.equal(cells.reduce((a, b) => a + b, 0), 3);
    const command = maskCommand({ itemId: '11111111-1111-4111-8111-111111111111', classId: 1, slice: 2, mask, plane: orientation, activeMs: 0,
      provenance: { source: 'propagated', engine: 'grabcut-box', modelVersion: '1', prompt: '{}', suggestionId: '22222222-2222-4222-8222-222222222222', objectId: '33333333-3333-4333-8333-333333333333' } });
    assert.equal(validateCommand(command, dims, null), null, orientation);
    assert.equal(command.plane, orientation);
  }
});
