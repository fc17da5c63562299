// The annotator's full masks of one slice as one label map, composed in the browser exactly as
// the server reads them (WeakLabelRasterizer.Painted, PolygonRasterizer, ScribbleRasterizer):
// index space, voxel (i, j) centred at integer (i, j); per class, polygons, accepted masks (the
// run-length code of mask-rle.js, set pixels painted) and brush strokes paint in the order they were made and an erasing stroke removes earlier paint of its class
// only. Classes are kept apart, so erasing one class uncovers paint of another class beneath it;
// where two classes' paint overlaps, the one painted last is shown.

import { maskCodeProblem } from './mask-rle.js';

/** Voxel centres inside a polygon (even–odd; a centre on a left edge is in, on a right edge out). */
export function visitPolygon(points, nx, ny, visit) {
  if (!points || points.length < 3) return;
  const ys = points.map((p) => p[1]);
  const j0 = Math.max(0, Math.ceil(Math.min(...ys)));
  const j1 = Math.min(ny - 1, Math.floor(Math.max(...ys)));
  const crossings = [];
  for (let j = j0; j <= j1; j++) {
    crossings.length = 0;
    for (let e = 0; e < points.length; e++) {
      const a = points[e], b = points[(e + 1) % points.length];
      if ((a[1] <= j) === (b[1] <= j)) continue;
      crossings.push(a[0] + ((j - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
    }
    crossings.sort((x, y) => x - y);
    for (let c = 0; c + 1 < crossings.length; c += 2) {
      const i0 = Math.max(0, Math.ceil(crossings[c]));
      const i1 = Math.min(nx - 1, Math.ceil(crossings[c + 1]) - 1);
      for (let i = i0; i <= i1; i++) visit(j * nx + i);
    }
  }
}

/** Voxel centres within width/2 (at least half a voxel) of a stroke's path. */
export function visitStroke(points, width, nx, ny, visit) {
  if (!points?.length) return;
  const r = Math.max(width / 2, 0.5), r2 = r * r;
  const segment = (a, b) => {
    const i0 = Math.max(0, Math.ceil(Math.min(a[0], b[0]) - r)), i1 = Math.min(nx - 1, Math.floor(Math.max(a[0], b[0]) + r));
    const j0 = Math.max(0, Math.ceil(Math.min(a[1], b[1]) - r)), j1 = Math.min(ny - 1, Math.floor(Math.max(a[1], b[1]) + r));
    const dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((i - a[0]) * dx + (j - a[1]) * dy) / len2));
        const ex = i - a[0] - t * dx, ey = j - a[1] - t * dy;
        if (ex * ex + ey * ey <= r2) visit(j * nx + i);
      }
    }
  };
  if (points.length === 1) segment(points[0], points[0]);
  for (let s = 1; s < points.length; s++) segment(points[s - 1], points[s]);
}

/** The set pixels of a run-length coded mask as large as the slice (SliceMask.Visit); any other covers nothing. */
export function visitMask(mask, nx, ny, visit) {
  if (!mask || mask.width !== nx || mask.height !== ny || maskCodeProblem(mask.counts, mask.width, mask.height)) return;
  let at = 0;
  mask.counts.forEach((n, i) => {
    if (i % 2 === 1) for (let v = at; v < at + n; v++) visit(v);
    at += n;
  });
}

/** Whether a command is part of a full mask (a polygon, an accepted mask or a brush stroke, erasing or not). */
export const isMaskCommand = (c) => c?.kind === 'polygon' || c?.kind === 'brush' || c?.kind === 'mask';

/**
 * Label map of one slice: Uint8Array(nx·ny) of class ids, 0 where no paint remains.
 * commands: the slice's polygons, masks and brush strokes in the order they were made (others ignored).
 */
export function composeSlice(commands, { nx, ny }) {
  const n = nx * ny;
  const stamps = new Map(); // classId → Uint32Array: order (1-based) of the paint that covers a voxel, 0 = none
  let order = 0;
  for (const c of commands) {
    if (!isMaskCommand(c) || !(c.classId >= 1)) continue;
    order++;
    if (!stamps.has(c.classId)) stamps.set(c.classId, new Uint32Array(n));
    const mine = stamps.get(c.classId);
    const value = c.kind === 'brush' && c.brush.erase ? 0 : order;
    const set = (v) => { mine[v] = value; };
    if (c.kind === 'polygon') visitPolygon(c.polygon.points, nx, ny, set);
    else if (c.kind === 'mask') visitMask(c.mask, nx, ny, set);
    else visitStroke(c.brush.points, c.brush.width, nx, ny, set);
  }
  const labels = new Uint8Array(n);
  if (stamps.size === 0) return labels;
  const best = new Uint32Array(n);
  for (const [classId, mine] of stamps) {
    for (let v = 0; v < n; v++) if (mine[v] > best[v]) { best[v] = mine[v]; labels[v] = classId; }
  }
  return labels;
}

/**
 * Keeps one composed label map per slice of one plane, recomputed only for slices whose masks
 * changed. plane: 'axial' (default) or 'coronal' / 'sagittal' (full masks stored with that
 * `plane`, in its own coordinates); dims: that plane's map size { nx, ny } (plane-labels.js
 * planeMapDims). set(commands) takes every current annotation in the order made; get(k) →
 * Uint8Array or null (null: no full mask on that slice of the plane).
 */
export class LabelMaps {
  #dims; #plane; #bySlice = new Map(); #cache = new Map();
  constructor(dims, plane = 'axial') { this.#dims = dims; this.#plane = plane; }

  set(commands) {
    const next = new Map();
    for (const c of commands) {
      if (!isMaskCommand(c) || (c.plane ?? 'axial') !== this.#plane) continue;
      if (!next.has(c.slice)) next.set(c.slice, []);
      next.get(c.slice).push(c);
    }
    const key = (list) => list.map((c) => c.commandId).join(',');
    for (const k of new Set([...next.keys(), ...this.#bySlice.keys()])) {
      if (key(next.get(k) ?? []) !== key(this.#bySlice.get(k) ?? [])) this.#cache.delete(k);
    }
    this.#bySlice = next;
  }

  get(k) {
    const list = this.#bySlice.get(k);
    if (!list?.length) return null;
    if (!this.#cache.has(k)) this.#cache.set(k, composeSlice(list, this.#dims));
    return this.#cache.get(k);
  }
}
