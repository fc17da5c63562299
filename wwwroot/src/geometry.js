// World (LPS mm) ↔ voxel index conversion and validation of weak-label geometry
// (CONVENTIONS.md "Space"): world = origin + direction · (spacing ⊙ index), voxel centres at
// integer indices. `direction` is row-major 3×3 whose columns are the world directions of i, j, k.

/** Builds a conversion for one volume; throws on a singular direction or a non-positive spacing. */
export function createGeometry({ origin, spacing, direction }) {
  if (!Array.isArray(origin) || origin.length !== 3) throw new Error('origin must have 3 numbers');
  if (!Array.isArray(spacing) || spacing.length !== 3 || spacing.some((s) => !(s > 0))) {
    throw new Error('spacing must have 3 positive numbers');
  }
  if (!Array.isArray(direction) || direction.length !== 9) throw new Error('direction must have 9 numbers');
  const inverse = invert3(direction);
  return {
    origin: [...origin], spacing: [...spacing], direction: [...direction],
    /** Voxel index (continuous) → world LPS mm. */
    indexToWorld(index) {
      const s = [index[0] * spacing[0], index[1] * spacing[1], index[2] * spacing[2]];
      return mul3(direction, s).map((v, r) => v + origin[r]);
    },
    /** World LPS mm → voxel index (continuous). */
    worldToIndex(world) {
      const d = [world[0] - origin[0], world[1] - origin[1], world[2] - origin[2]];
      return mul3(inverse, d).map((v, r) => v / spacing[r]);
    },
    /** World direction (unit vector) of index axis 0 (i), 1 (j) or 2 (k). */
    axis(a) { return [direction[a], direction[3 + a], direction[6 + a]]; },
  };
}

function mul3(m, v) {
  return [
    m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
    m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
    m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
  ];
}

/** Inverse of a row-major 3×3 matrix (a direction need not be orthonormal, e.g. sheared CT). */
export function invert3(m) {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) throw new Error('direction matrix is singular');
  return [
    A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
    B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
    C / det, -(a * h - b * g) / det, (a * e - b * d) / det,
  ];
}

/** Rounds tiny float noise (1e-9) off an index so that stored numbers stay readable. */
export function tidy(v, digits = 4) {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Drops points that lie within `tolerance` (index units) of the line through their
 * neighbours (Ramer–Douglas–Peucker): freehand tools record one point per screen pixel.
 * Keeps the first and the last point.
 */
export function simplify(points, tolerance = 0.1) {
  if (points.length < 3) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1; keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a], [bx, by] = points[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let far = -1, farD = tolerance;
    for (let n = a + 1; n < b; n++) {
      const [px, py] = points[n];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / len;
      if (d > farD) { far = n; farD = d; }
    }
    if (far >= 0) { keep[far] = 1; stack.push([a, far], [far, b]); }
  }
  return points.filter((_, n) => keep[n]);
}

// Validation mirrors the server's refusals so the annotator hears of a bad shape at once.
// Voxel centres run 0..n-1; the image's extent is −0.5..n−0.5 in index space.

function inExtent(x, n) { return Number.isFinite(x) && x >= -0.5 && x <= n - 0.5; }

/** Returns null when the box lies inside the image (nx × ny), else a reason. */
export function validateBox(box, { nx, ny }) {
  const { x0, y0, x1, y1 } = box ?? {};
  if (![x0, y0, x1, y1].every(Number.isFinite)) return 'The box has no valid corners.';
  if (!inExtent(x0, nx) || !inExtent(x1, nx) || !inExtent(y0, ny) || !inExtent(y1, ny)) {
    return `The box lies outside the image (${nx} × ${ny}).`;
  }
  if (Math.abs(x1 - x0) < 1 || Math.abs(y1 - y0) < 1) return 'The box is smaller than one voxel.';
  return null;
}

/** Returns null when every scribble point lies inside the image, else a reason. */
export function validateScribble(scribble, { nx, ny }) {
  const pts = scribble?.points;
  if (!Array.isArray(pts) || pts.length < 2) return 'A scribble needs at least two points.';
  if (!pts.every(([x, y]) => inExtent(x, nx) && inExtent(y, ny))) {
    return `The scribble leaves the image (${nx} × ${ny}).`;
  }
  if (!(scribble.width > 0)) return 'The scribble width must be positive.';
  return null;
}

/** Twice the signed area of a closed outline (shoelace). */
function twiceArea(pts) {
  let a = 0;
  for (let n = 0; n < pts.length; n++) {
    const [x0, y0] = pts[n], [x1, y1] = pts[(n + 1) % pts.length];
    a += x0 * y1 - x1 * y0;
  }
  return a;
}

/** Returns null when the polygon (≥3 points, non-zero area) lies inside the image, else a reason. */
export function validatePolygon(polygon, { nx, ny }) {
  const pts = polygon?.points;
  if (!Array.isArray(pts) || pts.length < 3) return 'A polygon needs at least three points.';
  if (pts.length > 20000) return 'A polygon may have at most 20000 points.';
  if (!pts.every(([x, y]) => inExtent(x, nx) && inExtent(y, ny))) return `The polygon leaves the image (${nx} × ${ny}).`;
  if (Math.abs(twiceArea(pts)) === 0) return 'The polygon has no area.';
  return null;
}

/** Returns null when every brush point lies inside the image and the width is 1–200 voxels, else a reason. */
export function validateBrush(brush, { nx, ny }) {
  const pts = brush?.points;
  const what = brush?.erase ? 'eraser stroke' : 'brush stroke';
  if (!Array.isArray(pts) || pts.length < 1) return `A ${what} needs at least one point.`;
  if (pts.length > 20000) return `A ${what} may have at most 20000 points.`;
  if (!pts.every(([x, y]) => inExtent(x, nx) && inExtent(y, ny))) return `The ${what} leaves the image (${nx} × ${ny}).`;
  if (!(brush.width >= 1 && brush.width <= 200)) return 'The brush width must be 1 to 200 voxels.';
  return null;
}

/** Returns null when the point lies inside the image, else a reason. */
export function validatePoint(point, { nx, ny }) {
  if (!inExtent(point?.x, nx) || !inExtent(point?.y, ny)) return `The point lies outside the image (${nx} × ${ny}).`;
  return null;
}

/** Returns null when k is a slice of the volume, else a reason. */
export function validateSlice(k, { nz }) {
  if (!Number.isInteger(k) || k < 0 || k >= nz) return `Slice ${k} is not a slice of this volume (0–${nz - 1}).`;
  return null;
}
