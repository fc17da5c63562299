// Box interpolation (pure; issue 15, item 3): two boxes of one class on slices k1 < k2 propose a
// box on every slice between, each corner linear in voxel index space: t = (k − k1) / (k2 − k1),
// corner = a + (b − a) · t, on the corners normalised to min/max. One rule, two implementations
// held to one case file: this and the server's BoxInterpolation (WeakSegPortal.Labels),
// test/box-interpolation-cases.json.

export const OTHER_CLASS = 'The two boxes must be of one class.';
export const TOO_CLOSE = 'The two boxes must lie on slices at least two apart.';
export const OTHER_PLANE = 'The two boxes must be drawn on one plane.';

/** A box's plane (docs/annotation-protocol.md, "plane"): absent is axial. */
const planeOf = (b) => b.plane ?? 'axial';

const norm = (b) => ({ x0: Math.min(b.x0, b.x1), y0: Math.min(b.y0, b.y1), x1: Math.max(b.x0, b.x1), y1: Math.max(b.y0, b.y1) });
const lerp = (a, b, t) => a + (b - a) * t;

/**
 * a, b: { x0, y0, x1, y1, slice, classId, plane? }. Returns { boxes: [{ slice, classId, x0, y0, x1, y1, plane? }, …]
 * (ascending slices of the boxes' plane; plane set when it is not axial), refused: null } or { boxes: [], refused: sentence }.
 */
export function interpolateBoxes(a, b) {
  if (a.classId !== b.classId) return { boxes: [], refused: OTHER_CLASS };
  if (planeOf(a) !== planeOf(b)) return { boxes: [], refused: OTHER_PLANE };
  if (Math.abs(b.slice - a.slice) < 2) return { boxes: [], refused: TOO_CLOSE };
  const [lo, hi] = a.slice < b.slice ? [a, b] : [b, a];
  const p = norm(lo), q = norm(hi);
  const boxes = [];
  for (let k = lo.slice + 1; k < hi.slice; k++) {
    const t = (k - lo.slice) / (hi.slice - lo.slice);
    const box = { slice: k, classId: lo.classId, x0: lerp(p.x0, q.x0, t), y0: lerp(p.y0, q.y0, t), x1: lerp(p.x1, q.x1, t), y1: lerp(p.y1, q.y1, t) };
    boxes.push(planeOf(lo) === 'axial' ? box : { ...box, plane: planeOf(lo) });
  }
  return { boxes, refused: null };
}

/**
 * What Shift+I interpolates from a box label `source` (a command: { kind, classId, slice, box,
 * plane? }) among the item's label commands: the nearest box of its class on its plane at least
 * two slices away (`partner`, null when there is none; of two as near, the first made), and the
 * slices of that plane that already hold a box of the class (`boxed`: no proposal goes there).
 */
export function interpolationPartner(source, labels) {
  const same = labels.filter((c) => c.kind === 'box' && c.classId === source.classId && planeOf(c) === planeOf(source));
  const partner = same.filter((c) => Math.abs(c.slice - source.slice) >= 2)
    .reduce((best, c) => (!best || Math.abs(c.slice - source.slice) < Math.abs(best.slice - source.slice) ? c : best), null);
  return { partner, boxed: new Set(same.map((c) => c.slice)) };
}
