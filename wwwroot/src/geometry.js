// World (LPS mm) ↔ voxel index conversion (CONVENTIONS.md "Space"; the rules a label must meet
// are in validation.js): world = origin + direction · (spacing ⊙ index), voxel centres at
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
