// The dev harness's stand-in for the hub's Suggest (docs/suggestion-protocol.md), so the
// suggestion tool can be tried and smoke-tested without the portal: a box keeps the voxels inside
// it whose (smoothed) value is near the value at its centre (the connected part around the centre); a
// positive click grows a region of similar value around it (inside the box, if any, else within
// 40 voxels); a negative click clears a disc of 8 voxels around it; a "not this object"
// scribble clears its path. Not an engine of the product: grabcut-box and friends live in ML.

import { encodeMask } from '../src/mask-rle.js';

const TOLERANCE = 12;

/** The mean of each voxel's 5 × 5 neighbourhood: the harness's slices are noisy. */
function smooth(samples, nx, ny) {
  const out = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      let sum = 0, n = 0;
      for (let dj = -2; dj <= 2; dj++) for (let di = -2; di <= 2; di++) {
        const x = i + di, y = j + dj;
        if (x >= 0 && y >= 0 && x < nx && y < ny) { sum += samples[y * nx + x]; n++; }
      }
      out[j * nx + i] = sum / n;
    }
  }
  return out;
}

function grow(samples, nx, ny, seeds, allowed, mask) {
  const stack = [...seeds];
  const seedValue = samples[seeds[0]];
  while (stack.length) {
    const v = stack.pop();
    if (mask[v] || !allowed(v) || Math.abs(samples[v] - seedValue) > TOLERANCE) continue;
    mask[v] = 1;
    const i = v % nx, j = (v - i) / nx;
    if (i > 0) stack.push(v - 1);
    if (i < nx - 1) stack.push(v + 1);
    if (j > 0) stack.push(v - nx);
    if (j < ny - 1) stack.push(v + nx);
  }
}

/** The reply to a Suggest request on a slice of samples (Int16Array nx × ny). */
export function fakeSuggest(request, raw, nx, ny, { suggestionId, started = Date.now() } = {}) {
  const samples = smooth(raw, nx, ny);
  const reply = { requestId: request.requestId, objectId: request.objectId, suggestionId, engine: 'fake-grow', engineVersion: '0', provider: 'OpenCV', ranOn: 'harness', retried: false };
  const positives = (request.points ?? []).filter((p) => p.positive);
  if (!request.box && positives.length === 0) return { ...reply, ok: false, error: 'Give a box or a positive click first.', mask: null };
  const mask = new Uint8Array(nx * ny);
  const at = (x, y) => Math.min(ny - 1, Math.max(0, Math.round(y))) * nx + Math.min(nx - 1, Math.max(0, Math.round(x)));
  const b = request.box;
  const inBox = b ? (v) => { const i = v % nx, j = (v - i) / nx; return i >= b.x0 && i <= b.x1 && j >= b.y0 && j <= b.y1; } : null;
  if (b) grow(samples, nx, ny, [at((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)], inBox, mask);
  for (const p of positives) {
    const near = (v) => { const i = v % nx, j = (v - i) / nx; return Math.hypot(i - p.x, j - p.y) <= 40; };
    grow(samples, nx, ny, [at(p.x, p.y)], inBox ?? near, mask);
  }
  const clearDisc = (x, y, r) => {
    for (let j = Math.max(0, Math.floor(y - r)); j <= Math.min(ny - 1, Math.ceil(y + r)); j++) {
      for (let i = Math.max(0, Math.floor(x - r)); i <= Math.min(nx - 1, Math.ceil(x + r)); i++) if (Math.hypot(i - x, j - y) <= r) mask[j * nx + i] = 0;
    }
  };
  for (const p of request.points ?? []) if (!p.positive) clearDisc(p.x, p.y, 8);
  for (const s of request.scribbles ?? []) if (s.classId !== request.classId) for (const [x, y] of s.points) clearDisc(x, y, Math.max(1, s.width));
  let set = 0;
  for (const m of mask) set += m;
  return { ...reply, ok: true, error: null, score: set ? 0.9 : 0, mask: { width: nx, height: ny, counts: encodeMask(mask) }, serverMs: Date.now() - started };
}
