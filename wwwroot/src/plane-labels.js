// Labels across planes (pure). Labels are stored in voxel index space
// (docs/annotation-protocol.md), so the server, the QA desk and the exports read them without
// any viewer state. A point or scribble drawn on a coronal or sagittal image is stored as the
// axial labels that mark exactly the same voxels: a point is one axial point; a scribble is, on
// every axial slice it reaches, one width-1 scribble per run of voxels it covers on that slice's
// row (coronal) or column (sagittal), with the server's rule for which voxels a stroke covers
// (centres within max(width/2, ½) of the polyline, index units). A box, a brush or eraser stroke,
// a polygon and an accepted suggestion's mask are stored on their own plane (`plane`: coronal
// slice = j, x = i, y = k; sagittal slice = i, x = j, y = k; `onPlane`, `planeMaskOf`): a full
// mask is the whole answer for its own plane slice only, so storing it as axial pieces would
// claim the rest of every axial slice it crosses as background.
// The other way, `traceOn` gives what an axial label marks on one coronal or sagittal image, and
// `planeTrace` / `planeMapTrace` what a label stored on a plane marks on the other views.

import { simplify } from './geometry.js';
import { planeOf, voxelToPixel } from './plane.js';

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
 * drawing (voxel index [i, j, k], continuous): { kind: 'point', at }, { kind: 'scribble', points,
 * width }. Returns [{ kind, slice, point | scribble }] (axial, ascending k), or throws with the
 * reason for the annotator (brush, eraser and polygon are stored on their plane: `onPlane`).
 */
export function axialEquivalent(orientation, dims, slice, drawing) {
  const p = planeOf(orientation);
  if (orientation === 'axial') throw new Error('An axial label is stored as it is.');
  if (drawing.kind === 'point') {
    const [i, j, k] = drawing.at;
    return [{ kind: 'point', slice: Math.round(k), point: { x: round3(i), y: round3(j) } }];
  }
  const label = RUN_LABEL[drawing.kind];
  if (!label) throw new Error(`A ${drawing.kind} drawn on a ${orientation} image is stored on its plane, not as axial pieces.`);
  const out = [];
  for (const [k, runs] of planeRuns(orientation, dims, drawing)) {
    for (const [a, b] of runs) {
      // Along the run: i (coronal, j = slice) or j (sagittal, i = slice).
      const at = (u, v = 0) => (p.u === 0 ? [u, slice + v] : [slice + v, u]);
      out.push({ kind: drawing.kind, slice: k, [drawing.kind]: label(at, a, b, drawing) });
    }
  }
  if (!out.length) throw new Error(`The ${drawing.kind} covers no voxel of the image.`);
  return out;
}

/**
 * Each kind's axial label covering exactly run [a, b] of one row or column: a width-1 stroke
 * along it (its neighbours are 1 away, beyond the ½ radius).
 */
const RUN_LABEL = Object.freeze({
  scribble: (at, a, b) => ({ points: [at(a), at(b)], width: 1 }),
});

/**
 * The voxels a drawing on a coronal or sagittal image covers, as runs per axial slice:
 * Map k → [[a, b], …] of u (i on coronal, j on sagittal), k ascending, by the stroke rule in the
 * plane's index axes (u across, k).
 */
function planeRuns(orientation, dims, drawing) {
  const p = planeOf(orientation);
  const n = [dims.nx, dims.ny, dims.nz];
  const plane = { width: n[p.u], height: n[2] };
  const uk = drawing.points.map((q) => [q[p.u], q[2]]);
  const cells = new Set();
  for (const c of strokeCells(uk, drawing.width, plane)) cells.add(c);
  const byK = new Map();
  for (const cell of cells) {
    const k = Math.floor(cell / plane.width);
    if (!byK.has(k)) byK.set(k, []);
    byK.get(k).push(cell % plane.width);
  }
  return new Map([...byK.keys()].sort((a, b) => a - b).map((k) => [k, runsOf(byK.get(k))]));
}

/**
 * A box drawn on slice `slice` of a coronal or sagittal image, stored on that plane
 * (docs/annotation-protocol.md "Boxes on coronal and sagittal planes"): corners [[i, j, k], …]
 * (voxel index, continuous) → { kind: 'box', plane, slice, box: { x0, y0, x1, y1 } } with x the
 * range across the image (coronal i, sagittal j) and y the k range (not image rows).
 */
export function planeBox(orientation, slice, corners) {
  const p = planeOf(orientation);
  if (orientation === 'axial') throw new Error('An axial box is stored as it is.');
  const xs = corners.map((q) => q[p.u]), ks = corners.map((q) => q[2]);
  return { kind: 'box', plane: orientation, slice, box: { x0: round3(Math.min(...xs)), y0: round3(Math.min(...ks)), x1: round3(Math.max(...xs)), y1: round3(Math.max(...ks)) } };
}

/** Point (x, y) of a plane's own coordinates for voxel index [i, j, k] (coronal: i, k; sagittal: j, k). */
export function planePoint(orientation, index) {
  const p = planeOf(orientation);
  return [round3(index[p.u]), round3(index[2])];
}

/**
 * A brush or eraser stroke or a polygon (traced or clicked vertex by vertex) drawn on slice `slice` of a coronal or sagittal
 * image, stored on that plane: points (voxel index [i, j, k], continuous) → { kind, plane, slice,
 * brush: { points, width, erase } | polygon: { points } } with points [x, y] in the plane's
 * coordinates (x across: coronal i, sagittal j; y = k, not image rows), points closer than 0.1
 * voxel to a straight run dropped (as on the axial view); a brush's width in voxels of the plane.
 */
export function onPlane(orientation, slice, drawing) {
  if (orientation === 'axial') throw new Error('An axial label is stored as it is.');
  const points = simplify(drawing.points.map((q) => planePoint(orientation, q)), 0.1);
  if (drawing.kind === 'brush') return { kind: 'brush', plane: orientation, slice, brush: { points, width: drawing.width, erase: !!drawing.erase } };
  if (drawing.kind === 'polygon') {
    while (points.length > 1 && points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1]) points.pop();
    return { kind: 'polygon', plane: orientation, slice, polygon: { points } };
  }
  throw new Error(`A ${drawing.kind} is not stored on a plane.`);
}

/** A plane's own map size { nx: width, ny: height } (coronal nx × nz, sagittal ny × nz); axial nx × ny. */
export function planeMapDims(plane, dims) {
  if (plane === 'coronal') return { nx: dims.nx, ny: dims.nz };
  if (plane === 'sagittal') return { nx: dims.ny, ny: dims.nz };
  return { nx: dims.nx, ny: dims.ny };
}

/**
 * A binary mask of a coronal or sagittal image as the server cuts it (rows from the highest k
 * down: SliceExtractor; what Suggest answers) → the same mask in the plane's own coordinates
 * (row y = k ascending), as a `mask` with `plane` is stored. Uint8Array width × height → Uint8Array.
 */
export function imageRowsToPlane(mask, width, height) {
  const out = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) out.set(mask.subarray(row * width, (row + 1) * width), (height - 1 - row) * width);
  return out;
}

/** Rect of pixels of view `orientation` covering the voxel line with axis a = s and axis c from lo to hi (continuous). */
function lineRect(orientation, dims, viewSlice, a, s, c, lo, hi) {
  const b = planeOf(orientation).normal;
  const at = (av, cv) => { const q = [0, 0, 0]; q[b] = viewSlice; q[a] = av; q[c] = cv; return voxelToPixel(orientation, dims, q); };
  const p0 = at(s - 0.5, lo), p1 = at(s + 0.5, hi);
  return { c0: Math.min(p0.col, p1.col), c1: Math.max(p0.col, p1.col), r0: Math.min(p0.row, p1.row), r1: Math.max(p0.row, p1.row) };
}

/**
 * What a box stored on a coronal or sagittal plane marks on slice `viewSlice` of another view
 * (axial or the other reformat): the line where the two planes meet, across the box's extent,
 * as [{ c0, c1, r0, r1, outline: true }] in the view's pixel coordinates; [] when the view's
 * slice misses the box or the view is the box's own plane.
 */
export function planeTrace(orientation, dims, viewSlice, command) {
  const plane = command.plane ?? 'axial';
  if (plane === 'axial' || plane === orientation || command.kind !== 'box') return [];
  const P = planeOf(plane);
  const a = P.normal, b = planeOf(orientation).normal, c = 3 - a - b;
  const { x0, y0, x1, y1 } = command.box;
  // The view's slice fixes axis b: k (an axial view) is the box's y, the other reformat's slice its x.
  const [lo, hi, along] = b === 2 ? [y0, y1, [x0, x1]] : [x0, x1, [y0, y1]];
  if (viewSlice < lo || viewSlice > hi) return [];
  const r = lineRect(orientation, dims, viewSlice, a, command.slice, c, along[0], along[1]);
  return [{ ...r, outline: true }];
}

/**
 * What the composed full masks of one plane slice (map: Uint8Array of class ids, planeMapDims)
 * mark on slice `viewSlice` of another view: the runs of the line where the two planes meet, as
 * [{ c0, c1, r0, r1, classId }] in that view's pixel coordinates.
 */
export function planeMapTrace(orientation, dims, viewSlice, plane, planeSlice, map) {
  if (plane === orientation || plane === 'axial' || !map) return [];
  const P = planeOf(plane);
  const a = P.normal, b = planeOf(orientation).normal, c = 3 - a - b;
  const { nx, ny } = planeMapDims(plane, dims);
  // In the plane's map the line is row y = k (an axial view) or column x = the other reformat's slice.
  const n = b === 2 ? nx : ny;
  const at = (t) => (b === 2 ? map[viewSlice * nx + t] : map[t * nx + viewSlice]);
  if (b === 2 ? viewSlice >= ny : viewSlice >= nx) return [];
  const out = [];
  let start = -1, cls = 0;
  for (let t = 0; t <= n; t++) {
    const v = t < n ? at(t) : 0;
    if (v !== cls) {
      if (cls) out.push({ ...lineRect(orientation, dims, viewSlice, a, planeSlice, c, start - 0.5, t - 0.5), classId: cls });
      cls = v; start = t;
    }
  }
  return out;
}

/** The composed full masks of a plane slice on its own view: [{ c0, c1, r0, r1, classId }] per image row run. */
export function planeMapRects(plane, dims, map) {
  if (!map) return [];
  const { nx, ny } = planeMapDims(plane, dims);
  const out = [];
  for (let y = 0; y < ny; y++) {
    const row = dims.nz - 1 - y;
    let start = -1, cls = 0;
    for (let x = 0; x <= nx; x++) {
      const v = x < nx ? map[y * nx + x] : 0;
      if (v !== cls) {
        if (cls) out.push({ c0: start - 0.5, c1: x - 0.5, r0: row - 0.5, r1: row + 0.5, classId: cls });
        cls = v; start = x;
      }
    }
  }
  return out;
}

/** Voxel index [i, j, k] of point (x, y) of a box stored on a plane (axial: x = i, y = j, k = slice). */
export function planeBoxIndex(plane, slice, x, y) {
  if (plane === 'coronal') return [x, slice, y];
  if (plane === 'sagittal') return [slice, x, y];
  return [x, y, slice];
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
  // A box stored on a coronal or sagittal plane is drawn by the view of its plane itself.
  if ((command.plane ?? 'axial') !== 'axial') return [];
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
