// Labels across planes (pure). Labels are stored on axial slices in voxel index space
// (docs/annotation-protocol.md), so the server, the QA desk and the exports read them without
// any viewer state. A label drawn on a coronal or sagittal image is stored as the axial labels
// that mark exactly the same voxels: a point is one axial point; a scribble is, on every axial
// slice it crosses, one width-1 scribble per run of voxels it covers on that slice's row
// (coronal) or column (sagittal), with the server's rule for which voxels a scribble covers
// (`ScribbleRasterizer`: voxel centres within max(width/2, ½) of the polyline, index units).
// Boxes and full masks (polygon, brush, accepted suggestions) say something about one whole
// axial slice, which a line through it cannot: they are drawn in the axial view.
// The other way, `traceOn` gives what an axial label marks on one coronal or sagittal image.

import { planeOf, voxelToPixel } from './plane.js';

export const AXIAL_ONLY = Object.freeze({
  box: 'A box says where the object lies on one axial slice, which a box on a coronal or sagittal image cannot: draw boxes in the axial view. Scribbles and points work in every view.',
  polygon: 'A polygon is a full mask of one axial slice: draw it in the axial view. Scribbles and points work in every view.',
  brush: 'A brush stroke paints a full mask of one axial slice: paint in the axial view. Scribbles and points work in every view.',
  suggest: 'Suggestions are asked for on axial slices: use the axial view.',
});

/** Voxel centres (u, v) of a plane within max(width/2, ½) of a polyline of (u, v) points. */
export function strokeCells(points, width, { width: nu, height: nv }) {
  const radius = Math.max(width / 2, 0.5), r2 = radius * radius;
  const cells = new Set();
  const segs = points.length === 1 ? [[points[0], points[0]]] : points.slice(1).map((p, n) => [points[n], p]);
  for (const [[ax, ay], [bx, by]] of segs) {
    const u0 = Math.max(0, Math.ceil(Math.min(ax, bx) - radius)), u1 = Math.min(nu - 1, Math.floor(Math.max(ax, bx) + radius));
    const v0 = Math.max(0, Math.ceil(Math.min(ay, by) - radius)), v1 = Math.min(nv - 1, Math.floor(Math.max(ay, by) + radius));
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    for (let v = v0; v <= v1; v++) {
      for (let u = u0; u <= u1; u++) {
        const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((u - ax) * dx + (v - ay) * dy) / len2));
        const ex = u - ax - t * dx, ey = v - ay - t * dy;
        if (ex * ex + ey * ey <= r2) cells.add(v * nu + u);
      }
    }
  }
  return cells;
}

/** Runs of consecutive integers: [[a, b], …] (a ≤ b), ascending. */
export function runsOf(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const runs = [];
  for (const x of sorted) {
    const last = runs.at(-1);
    if (last && x === last[1] + 1) last[1] = x; else if (!last || x > last[1]) runs.push([x, x]);
  }
  return runs;
}

/**
 * The axial commands' geometry for a label drawn on slice `slice` of a coronal or sagittal image.
 * drawing: { kind: 'point', at: [i, j, k] } or { kind: 'scribble', points: [[i, j, k], …], width }
 * (voxel index, continuous). Returns [{ kind, slice, point | scribble }] (axial), or throws with
 * the reason for the annotator.
 */
export function axialEquivalent(orientation, dims, slice, drawing) {
  const p = planeOf(orientation);
  if (orientation === 'axial') throw new Error('An axial label is stored as it is.');
  if (drawing.kind === 'point') {
    const [i, j, k] = drawing.at;
    return [{ kind: 'point', slice: Math.round(k), point: { x: round3(i), y: round3(j) } }];
  }
  if (drawing.kind !== 'scribble') throw new Error(AXIAL_ONLY[drawing.kind] ?? `A ${drawing.kind} cannot be drawn on a ${orientation} image.`);
  // The stroke in the plane's index axes (u across, k up): the rule holds in index units.
  const n = [dims.nx, dims.ny, dims.nz];
  const plane = { width: n[p.u], height: n[2] };
  const uk = drawing.points.map((q) => [q[p.u], q[2]]);
  const byK = new Map();
  for (const cell of strokeCells(uk, drawing.width, plane)) {
    const k = Math.floor(cell / plane.width), u = cell % plane.width;
    if (!byK.has(k)) byK.set(k, []);
    byK.get(k).push(u);
  }
  const out = [];
  for (const k of [...byK.keys()].sort((a, b) => a - b)) {
    for (const [a, b] of runsOf(byK.get(k))) {
      // A width-1 scribble along the run covers exactly its voxels (radius ½: the neighbours are 1 away).
      const points = p.u === 0 ? [[a, slice], [b, slice]] : [[slice, a], [slice, b]];
      out.push({ kind: 'scribble', slice: k, scribble: { points, width: 1 } });
    }
  }
  if (!out.length) throw new Error('The scribble covers no voxel of the image.');
  return out;
}

/**
 * What an axial label marks on slice `slice` of a coronal or sagittal image, as spans of image
 * rows: [{ row, c0, c1, outline }] in pixel coordinates (continuous, c0 < c1). Voxel sets
 * (scribbles, points) give spans from voxel edge to voxel edge; a box gives its extent on the
 * line where the plane cuts it, drawn as an outline. Full masks come from `maskRow`.
 */
export function traceOn(orientation, dims, slice, command) {
  const p = planeOf(orientation);
  if (orientation === 'axial' || command.slice == null) return [];
  const k = command.slice;
  const row = voxelToPixel(orientation, dims, [0, 0, k]).row;
  // In the axial slice, the plane is a row (coronal: j = slice) or a column (sagittal: i = slice).
  const along = p.u === 0 ? 0 : 1; // the axial coordinate that runs along the line
  const across = 1 - along;
  const voxelSpans = (cells) => runsOf(cells).map(([a, b]) => ({ row, c0: a - 0.5, c1: b + 0.5, outline: false }));
  if (command.kind === 'point') {
    const q = [command.point.x, command.point.y];
    return Math.round(q[across]) === slice ? voxelSpans([Math.round(q[along])]) : [];
  }
  if (command.kind === 'box') {
    const { x0, y0, x1, y1 } = command.box;
    const [lo, hi] = across === 1 ? [y0, y1] : [x0, x1];
    if (slice < lo || slice > hi) return [];
    const [c0, c1] = along === 0 ? [x0, x1] : [y0, y1];
    return [{ row, c0, c1, outline: true }];
  }
  if (command.kind === 'scribble' || (command.kind === 'brush' && !command.brush.erase)) {
    const stroke = command.scribble ?? command.brush;
    const grid = { width: dims.nx, height: dims.ny };
    const cells = [];
    for (const c of strokeCells(stroke.points, stroke.width, grid)) {
      const i = c % dims.nx, j = Math.floor(c / dims.nx);
      if ((across === 1 ? j : i) === slice) cells.push(along === 0 ? i : j);
    }
    return voxelSpans(cells);
  }
  return [];
}

/** Spans of one class map line (the composed full masks of an axial slice): [{ c0, c1, classId }]. */
export function maskRow(labels, dims, orientation, slice) {
  const p = planeOf(orientation);
  const out = [];
  const n = p.u === 0 ? dims.nx : dims.ny;
  let start = -1, cls = 0;
  for (let c = 0; c <= n; c++) {
    const v = c < n ? labels[p.u === 0 ? slice * dims.nx + c : c * dims.nx + slice] : 0;
    if (v !== cls) {
      if (cls) out.push({ c0: start - 0.5, c1: c - 0.5, classId: cls });
      cls = v; start = c;
    }
  }
  return out;
}

function round3(v) { const r = Math.round(v * 1000) / 1000; return Object.is(r, -0) ? 0 : r; }
