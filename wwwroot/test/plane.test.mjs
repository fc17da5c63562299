// The view ↔ voxel mapping of the three planes (plane.js) and labels across planes
// (plane-labels.js): what a coronal or sagittal drawing is stored as, and what an axial label
// shows on a coronal or sagittal image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGeometry } from '../src/geometry.js';
import { imagePlane, pixelToVoxel, planeDims, planeSpacing, slicesThrough, voxelToPixel } from '../src/plane.js';
import { axialEquivalent, imageRowsToPlane, maskRow, onPlane, planeBox, planeBoxIndex, planeMapDims, planeMapRects, planeMapTrace, planeTrace, strokeCells, traceOn } from '../src/plane-labels.js';
import { LabelMaps } from '../src/label-map.js';
import { validateCommand } from '../src/validation.js';

const dims = { nx: 6, ny: 5, nz: 4 };

test('each orientation shows the axes the server cuts: coronal (i across, k up), sagittal (j across, k up)', () => {
  assert.deepEqual(planeDims('axial', dims), { width: 6, height: 5, count: 4 });
  assert.deepEqual(planeDims('coronal', dims), { width: 6, height: 4, count: 5 });
  assert.deepEqual(planeDims('sagittal', dims), { width: 5, height: 4, count: 6 });
  assert.deepEqual(pixelToVoxel('axial', dims, 2, [1, 3]), [1, 3, 2]);
  // The top row of a reformat is the highest k (SliceExtractor).
  assert.deepEqual(pixelToVoxel('coronal', dims, 2, [1, 0]), [1, 2, 3]);
  assert.deepEqual(pixelToVoxel('coronal', dims, 2, [1, 3]), [1, 2, 0]);
  assert.deepEqual(pixelToVoxel('sagittal', dims, 4, [3, 1]), [4, 3, 2]);
  assert.throws(() => planeDims('oblique', dims), /not an orientation/);
});

test('pixel → voxel → pixel is the identity in every orientation, also between voxel centres', () => {
  for (const o of ['axial', 'coronal', 'sagittal']) {
    for (const [s, c, r] of [[0, 0, 0], [2, 1.5, 2.25], [3, 4, 3], [1, -0.5, 0.5]]) {
      const back = voxelToPixel(o, dims, pixelToVoxel(o, dims, s, [c, r]));
      assert.deepEqual([back.slice, back.col, back.row], [s, c, r], o);
    }
  }
  assert.deepEqual(slicesThrough([1, 2, 3]), { axial: 3, coronal: 2, sagittal: 1 });
});

test('an anisotropic volume: a reformat has the in-plane and the slice spacing, so it shows at its true aspect', () => {
  assert.deepEqual(planeSpacing('coronal', [0.7, 0.8, 2.5]), { column: 0.7, row: 2.5, slice: 0.8 });
  assert.deepEqual(planeSpacing('sagittal', [0.7, 0.8, 2.5]), { column: 0.8, row: 2.5, slice: 0.7 });
});

test('the image plane puts every pixel where its voxel is in the world (world of pixel = world of voxel)', () => {
  const geometry = createGeometry({ origin: [-10, 20, 5], spacing: [0.7, 0.8, 2.5], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] });
  for (const o of ['axial', 'coronal', 'sagittal']) {
    const plane = imagePlane(o, geometry, dims, 2);
    for (const [c, r] of [[0, 0], [3, 1], [1.5, 2.5]]) {
      const world = [0, 1, 2].map((a) => plane.position[a] + plane.rowCosines[a] * c * plane.columnSpacing + plane.columnCosines[a] * r * plane.rowSpacing);
      const expected = geometry.indexToWorld(pixelToVoxel(o, dims, 2, [c, r]));
      world.forEach((w, a) => assert.ok(Math.abs(w - expected[a]) < 1e-9, `${o} (${c}, ${r}) axis ${a}: ${w} vs ${expected[a]}`));
    }
  }
  const coronal = imagePlane('coronal', geometry, dims, 2);
  assert.deepEqual(coronal.columnCosines, [0, 0, -1]); // rows run from head (high k) to foot
});

test('a point on a coronal or sagittal image is the axial point at the same voxel', () => {
  assert.deepEqual(axialEquivalent('coronal', dims, 2, { kind: 'point', at: [3.2, 2, 1.6] }), [{ kind: 'point', slice: 2, point: { x: 3.2, y: 2 } }]);
  assert.deepEqual(axialEquivalent('sagittal', dims, 4, { kind: 'point', at: [4, 1, 3] }), [{ kind: 'point', slice: 3, point: { x: 4, y: 1 } }]);
});

test('a straight coronal scribble is one axial run per slice it crosses', () => {
  // Vertical in the coronal image (along k) at i = 2, row j = 1: one voxel on each of k = 0…3.
  const cmds = axialEquivalent('coronal', dims, 1, { kind: 'scribble', points: [[2, 1, 0], [2, 1, 3]], width: 1 });
  assert.deepEqual(cmds.map((c) => c.slice), [0, 1, 2, 3]);
  for (const c of cmds) assert.deepEqual(c.scribble, { points: [[2, 1], [2, 1]], width: 1 });
  // Horizontal on k = 2 from i = 1 to 4 in the sagittal image? no: sagittal runs along j.
  const sag = axialEquivalent('sagittal', dims, 3, { kind: 'scribble', points: [[3, 0, 2], [3, 4, 2]], width: 1 });
  assert.deepEqual(sag, [{ kind: 'scribble', slice: 2, scribble: { points: [[3, 0], [3, 4]], width: 1 } }]);
});

// Voxels [i, j, k] an axial scribble command marks, by the server's rule.
function axialVoxels(cmds) {
  const out = new Set();
  for (const c of cmds) for (const cell of strokeCells(c.scribble.points, c.scribble.width, { width: dims.nx, height: dims.ny })) out.add(`${cell % dims.nx},${Math.floor(cell / dims.nx)},${c.slice}`);
  return out;
}
function rng(seed) { let s = seed; return () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; }; }

test('a coronal or sagittal scribble is stored as axial scribbles that mark exactly its voxels (60 random strokes)', () => {
  const big = { nx: 20, ny: 18, nz: 12 };
  const rand = rng(7);
  for (let n = 0; n < 60; n++) {
    const o = n % 2 ? 'coronal' : 'sagittal';
    const slice = Math.floor(rand() * (o === 'coronal' ? big.ny : big.nx));
    const width = [1, 2, 3, 5, 0.5][n % 5];
    const pts = Array.from({ length: 2 + (n % 4) }, () => [rand() * (o === 'coronal' ? big.nx - 1 : big.ny - 1), rand() * (big.nz - 1)]);
    const drawing = { kind: 'scribble', width, points: pts.map(([u, k]) => (o === 'coronal' ? [u, slice, k] : [slice, u, k])) };
    // Expected: the stroke's cells in the plane (u, k), lifted to voxels.
    const expected = new Set();
    const pw = o === 'coronal' ? big.nx : big.ny;
    for (const cell of strokeCells(pts, width, { width: pw, height: big.nz })) {
      const u = cell % pw, k = Math.floor(cell / pw);
      expected.add(o === 'coronal' ? `${u},${slice},${k}` : `${slice},${u},${k}`);
    }
    const cmds = axialEquivalent(o, big, slice, drawing);
    const got = new Set();
    for (const c of cmds) {
      assert.equal(c.scribble.width, 1);
      for (const cell of strokeCells(c.scribble.points, 1, { width: big.nx, height: big.ny })) got.add(`${cell % big.nx},${Math.floor(cell / big.nx)},${c.slice}`);
    }
    assert.deepEqual([...got].sort(), [...expected].sort(), `stroke ${n} (${o})`);
  }
});

test('a brush or eraser stroke and a polygon on a coronal or sagittal image are stored on their plane: x across, y = k, width in voxels', () => {
  const brush = onPlane('coronal', 2, { kind: 'brush', width: 3, erase: false, points: [[1, 2, 1], [2.5, 2, 2], [4, 2, 3]] });
  // The middle point lies on the straight run: dropped (as on the axial view).
  assert.deepEqual(brush, { kind: 'brush', plane: 'coronal', slice: 2, brush: { points: [[1, 1], [4, 3]], width: 3, erase: false } });
  assert.deepEqual(onPlane('sagittal', 4, { kind: 'brush', width: 1, erase: true, points: [[4, 0.5, 3], [4, 3.25, 0]] }),
    { kind: 'brush', plane: 'sagittal', slice: 4, brush: { points: [[0.5, 3], [3.25, 0]], width: 1, erase: true } });
  // A traced outline's repeated first point is dropped (the polygon closes itself).
  assert.deepEqual(onPlane('coronal', 1, { kind: 'polygon', points: [[1.6, 1, 0.6], [5.4, 1, 0.6], [5.4, 1, 3.4], [1.6, 1, 0.6]] }),
    { kind: 'polygon', plane: 'coronal', slice: 1, polygon: { points: [[1.6, 0.6], [5.4, 0.6], [5.4, 3.4]] } });
  // The server stores them (the validator both share, annotation-cases.json).
  assert.equal(validateCommand({ ...brush, classId: 1 }, dims), null);
  assert.equal(validateCommand({ ...onPlane('coronal', 1, { kind: 'polygon', points: [[1.6, 1, 0.6], [5.4, 1, 0.6], [5.4, 1, 3.4]] }), classId: 1 }, dims), null);
  assert.throws(() => onPlane('axial', 1, { kind: 'brush', points: [[0, 0, 1]], width: 1 }), /stored as it is/);
  assert.throws(() => axialEquivalent('coronal', dims, 2, { kind: 'brush', width: 3, points: [[1, 2, 1]] }), /stored on its plane/);
});

test('a stroke stored on a plane paints exactly the voxels drawn there, in that plane\'s own label map only (40 random strokes)', () => {
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let n = 0; n < 40; n++) {
    const o = n % 2 ? 'coronal' : 'sagittal';
    const { width, height } = planeDims(o, dims);
    const slice = Math.floor(rnd() * planeDims(o, dims).count);
    const uk = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => [rnd() * (width - 1), rnd() * (height - 1)]);
    const index = uk.map(([u, k]) => (o === 'coronal' ? [u, slice, k] : [slice, u, k]));
    const w = 1 + Math.floor(rnd() * 3);
    const stored = { ...onPlane(o, slice, { kind: 'brush', points: index, width: w }), classId: 1, commandId: `c${n}` };
    const maps = new LabelMaps(planeMapDims(o, dims), o);
    maps.set([stored]);
    const painted = [...maps.get(slice)].flatMap((v, at) => (v ? [at] : []));
    // Simplification moves no point by more than 0.1 voxel; compare with the stroke as stored.
    assert.deepEqual(painted, [...strokeCells(stored.brush.points, w, { width, height })].sort((a, b) => a - b), `${o} stroke ${n}`);
    const axial = new LabelMaps({ nx: dims.nx, ny: dims.ny });
    axial.set([stored]);
    for (let k = 0; k < dims.nz; k++) assert.equal(axial.get(k), null, 'nothing on any axial slice');
  }
});

test('a suggestion\'s mask on a reformat comes in image rows (the highest k on top) and is stored with k ascending', () => {
  // 3 × 2 image: top row (k = 1) [1, 0, 0], bottom row (k = 0) [0, 1, 1].
  assert.deepEqual([...imageRowsToPlane(Uint8Array.from([1, 0, 0, 0, 1, 1]), 3, 2)], [0, 1, 1, 1, 0, 0]);
  assert.deepEqual(planeMapDims('coronal', dims), { nx: 6, ny: 4 });
  assert.deepEqual(planeMapDims('sagittal', dims), { nx: 5, ny: 4 });
});

test('a box stored on a coronal plane is traced on the axial slices of its k range (a line at row j) and on the sagittal slices of its i range (a line at column j)', () => {
  const box = { kind: 'box', plane: 'coronal', slice: 3, classId: 1, box: { x0: 1.4, y0: 0.2, x1: 4.2, y1: 2.6 } };
  assert.deepEqual(planeTrace('axial', dims, 1, box), [{ c0: 1.4, c1: 4.2, r0: 2.5, r1: 3.5, outline: true }]);
  assert.deepEqual(planeTrace('axial', dims, 3, box), [], 'k = 3 lies above the box');
  // Sagittal image: column = j, row = nz − 1 − k.
  const [onSag, ...more] = planeTrace('sagittal', dims, 2, box);
  assert.deepEqual(more, []);
  assert.deepEqual([onSag.c0, onSag.c1, onSag.outline], [2.5, 3.5, true]);
  assert.ok(Math.abs(onSag.r0 - 0.4) < 1e-9 && Math.abs(onSag.r1 - 2.8) < 1e-9, JSON.stringify(onSag));
  assert.deepEqual(planeTrace('sagittal', dims, 5, box), [], 'i = 5 lies right of the box');
  assert.deepEqual(planeTrace('coronal', dims, 3, box), [], 'its own view draws it');
  const sag = { kind: 'box', plane: 'sagittal', slice: 2, classId: 1, box: { x0: 0.5, y0: 1, x1: 3.5, y1: 3 } };
  assert.deepEqual(planeTrace('axial', dims, 2, sag), [{ c0: 1.5, c1: 2.5, r0: 0.5, r1: 3.5, outline: true }]);
  assert.deepEqual(planeTrace('coronal', dims, 1, sag), [{ c0: 1.5, c1: 2.5, r0: 0, r1: 2, outline: true }]);
});

test('the full masks of a coronal slice are traced on the axial slices (row j) and the sagittal slices (column j) they cross, and filled on their own view', () => {
  const { nx, ny } = planeMapDims('coronal', dims);
  const map = new Uint8Array(nx * ny);
  map[1 * nx + 2] = 1; map[1 * nx + 3] = 1; map[2 * nx + 3] = 2; // (i 2–3, k 1) class 1; (i 3, k 2) class 2
  assert.deepEqual(planeMapTrace('axial', dims, 1, 'coronal', 4, map), [{ c0: 1.5, c1: 3.5, r0: 3.5, r1: 4.5, classId: 1 }]);
  assert.deepEqual(planeMapTrace('axial', dims, 0, 'coronal', 4, map), []);
  // Sagittal slice i = 3: column j = 4, k 1 (class 1) and k 2 (class 2); rows nz − 1 − k.
  assert.deepEqual(planeMapTrace('sagittal', dims, 3, 'coronal', 4, map), [
    { c0: 3.5, c1: 4.5, r0: 1.5, r1: 2.5, classId: 1 }, { c0: 3.5, c1: 4.5, r0: 0.5, r1: 1.5, classId: 2 }]);
  assert.deepEqual(planeMapTrace('coronal', dims, 4, 'coronal', 4, map), []);
  assert.deepEqual(planeMapRects('coronal', dims, map), [
    { c0: 1.5, c1: 3.5, r0: 1.5, r1: 2.5, classId: 1 }, { c0: 2.5, c1: 3.5, r0: 0.5, r1: 1.5, classId: 2 }]);
});

test('a box on a coronal or sagittal image is stored on its plane: slice, the range across and the k range (not image rows)', () => {
  const corners = [[4.2, 3, 2.6], [1.4, 3, 0.2]];
  const cor = planeBox('coronal', 3, corners);
  assert.deepEqual(cor, { kind: 'box', plane: 'coronal', slice: 3, box: { x0: 1.4, y0: 0.2, x1: 4.2, y1: 2.6 } });
  assert.equal(validateCommand({ ...cor, classId: 1 }, dims), null);
  const sag = planeBox('sagittal', 2, [[2, 0.5, 3], [2, 3.5, 1]]);
  assert.deepEqual(sag, { kind: 'box', plane: 'sagittal', slice: 2, box: { x0: 0.5, y0: 1, x1: 3.5, y1: 3 } });
  assert.equal(validateCommand({ ...sag, classId: 1 }, dims), null);
  // And back: the box's corners in voxel index space.
  assert.deepEqual(planeBoxIndex('coronal', 3, 1.4, 2.6), [1.4, 3, 2.6]);
  assert.deepEqual(planeBoxIndex('sagittal', 2, 0.5, 3), [2, 0.5, 3]);
  assert.deepEqual(planeBoxIndex('axial', 1, 0.5, 3), [0.5, 3, 1]);
  assert.throws(() => planeBox('axial', 1, corners), /stored as it is/);
});

test('a box stored on a coronal plane is not traced as an axial box on the other reformats', () => {
  assert.deepEqual(traceOn('sagittal', dims, 2, { kind: 'box', plane: 'coronal', slice: 2, box: { x0: 1, y0: 0.5, x1: 4, y1: 2.5 } }), []);
});

test('an axial label traced on a coronal image: its voxels on that row, at the row of its slice', () => {
  const scribble = { kind: 'scribble', slice: 1, scribble: { points: [[1, 1], [4, 1]], width: 1 } };
  assert.deepEqual(traceOn('coronal', dims, 1, scribble), [{ row: 2, c0: 0.5, c1: 4.5, outline: false }]);
  assert.deepEqual(traceOn('coronal', dims, 2, scribble), []);
  assert.deepEqual(traceOn('sagittal', dims, 3, scribble), [{ row: 2, c0: 0.5, c1: 1.5, outline: false }]);
  const box = { kind: 'box', slice: 3, box: { x0: 1, y0: 0.5, x1: 4, y1: 2.5 } };
  assert.deepEqual(traceOn('coronal', dims, 2, box), [{ row: 0, c0: 1, c1: 4, outline: true }]);
  assert.deepEqual(traceOn('coronal', dims, 3, box), []);
  assert.deepEqual(traceOn('sagittal', dims, 2, box), [{ row: 0, c0: 0.5, c1: 2.5, outline: true }]);
  const point = { kind: 'point', slice: 0, point: { x: 2.2, y: 3.9, positive: true } };
  assert.deepEqual(traceOn('coronal', dims, 4, point), [{ row: 3, c0: 1.5, c1: 2.5, outline: false }]);
  // Drawn on a coronal image, stored axially, traced back: the same voxels.
  const stored = axialEquivalent('coronal', dims, 2, { kind: 'scribble', points: [[0, 2, 0], [5, 2, 3]], width: 2 }).map((c) => ({ ...c, classId: 1 }));
  const traced = new Set(stored.flatMap((c) => traceOn('coronal', dims, 2, c)).flatMap((s) => Array.from({ length: s.c1 - s.c0 }, (_, n) => `${s.c0 + 0.5 + n},${s.row}`)));
  const drawn = new Set([...strokeCells([[0, 0], [5, 3]], 2, { width: 6, height: 4 })].map((c) => `${c % 6},${3 - Math.floor(c / 6)}`));
  assert.deepEqual([...traced].sort(), [...drawn].sort());
});

test('a full-mask row: spans per class along the plane', () => {
  const labels = new Uint8Array(dims.nx * dims.ny);
  labels[1 * 6 + 2] = 1; labels[1 * 6 + 3] = 1; labels[1 * 6 + 4] = 2; labels[3 * 6 + 2] = 1;
  assert.deepEqual(maskRow(labels, dims, 'coronal', 1), [{ c0: 1.5, c1: 3.5, classId: 1 }, { c0: 3.5, c1: 4.5, classId: 2 }]);
  assert.deepEqual(maskRow(labels, dims, 'sagittal', 2), [{ c0: 0.5, c1: 1.5, classId: 1 }, { c0: 2.5, c1: 3.5, classId: 1 }]);
});
