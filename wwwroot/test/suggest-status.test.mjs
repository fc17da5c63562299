import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelLines, SliceReadiness } from '../src/suggest-status.js';
import { outlineSegments, countSet } from '../src/mask-outline.js';

test('A classical engine is ready on every slice; a SAM engine only where embeddings are cached', () => {
  const r = new SliceReadiness('item-1');
  assert.equal(r.known, false);
  r.setStatus({ engine: 'grabcut-box', provider: 'OpenCV', workers: 0, readySlices: [] });
  assert.equal(r.isReady(0), true);
  assert.equal(r.isReady(99), true);
  r.setStatus({ engine: 'mobilesam', provider: 'CUDA', workers: 1, readySlices: [4, 5] });
  assert.equal(r.isReady(5), true);
  assert.equal(r.isReady(6), false);
  assert.equal(r.embeddingsReady({ itemId: 'item-1', orientation: 'axial', engine: 'mobilesam', slices: [6, 7] }), true);
  assert.equal(r.isReady(6), true);
  assert.equal(r.embeddingsReady({ itemId: 'item-2', orientation: 'axial', engine: 'mobilesam', slices: [8] }), false, "another item's push");
  assert.equal(r.embeddingsReady({ itemId: 'item-1', orientation: 'axial', engine: 'sam-vit-b', slices: [8] }), false, "another engine's push");
  assert.equal(r.isReady(8), false);
});

test('The panel says ready or preparing for the slice on screen, and the engine with its provider', () => {
  const r = new SliceReadiness('i');
  r.setStatus({ engine: 'mobilesam', provider: 'CPU', readySlices: [3] });
  assert.equal(panelLines({ online: true, readiness: r, slice: 3 }).readiness, 'slice ready');
  const lines = panelLines({ online: true, readiness: r, slice: 4 });
  assert.equal(lines.readiness, 'preparing…');
  assert.equal(lines.state, 'preparing');
  assert.equal(lines.engine, 'mobilesam · CPU');
  const unknown = panelLines({ online: true, readiness: new SliceReadiness('i'), slice: 0 });
  assert.equal(unknown.readiness, '', 'nothing said before the server answered');
});

test('The panel shows where the answer ran, its score and latency', () => {
  const shown = { engine: 'grabcut-box', engineVersion: '1', provider: 'OpenCV', ranOn: 'worker-1', retried: true, score: 0.934, latencyMs: 48, serverMs: 21 };
  const lines = panelLines({ online: true, readiness: null, slice: 0, shown });
  assert.equal(lines.engine, 'grabcut-box v1 · OpenCV');
  assert.equal(lines.answer, 'ran on worker-1 (retried) · score 0.93 · 48 ms (server 21 ms)');
  assert.equal(panelLines({ online: true, slice: 0, waiting: true }).answer, 'suggesting…');
});

test('Offline, masks not allowed and failures each say why', () => {
  assert.match(panelLines({ online: false, slice: 0 }).error, /^Suggestions need the connection\./);
  assert.equal(panelLines({ online: false, slice: 0 }).state, 'offline');
  assert.match(panelLines({ online: true, allowed: false, slice: 0 }).error, /does not allow masks/);
  const failed = panelLines({ online: true, slice: 0, error: 'No worker offers \'mobilesam\' right now.' });
  assert.equal(failed.state, 'error');
  assert.equal(failed.error, 'No worker offers \'mobilesam\' right now.');
});

test('The outline of a mask runs along voxel edges, merged into straight runs, the image border included', () => {
  // 3 × 2 mask:  1 1 0
  //              1 0 0
  const mask = Uint8Array.from([1, 1, 0, 1, 0, 0]);
  const segs = outlineSegments(mask, 3, 2).map((s) => s.join(','));
  assert.deepEqual(new Set(segs), new Set([
    '-0.5,-0.5,1.5,-0.5', // top of row 0, merged over two voxels
    '0.5,0.5,1.5,0.5', // under voxel (1, 0)
    '-0.5,1.5,0.5,1.5', // bottom of voxel (0, 1)
    '-0.5,-0.5,-0.5,1.5', // left side, merged over both rows
    '0.5,0.5,0.5,1.5', // right of voxel (0, 1)
    '1.5,-0.5,1.5,0.5', // right of voxel (1, 0)
  ]));
  assert.equal(segs.length, 6);
  assert.deepEqual(outlineSegments(new Uint8Array(6), 3, 2), [], 'an empty mask has no outline');
  assert.equal(countSet(mask), 3);
});
