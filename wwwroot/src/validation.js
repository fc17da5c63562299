// The rules a command must meet to be stored, as the server applies them
// (AnnotationCommandValidator): the annotator hears of a bad shape at once, in the same words.
// Both sides are held to wwwroot/test/annotation-cases.json. Geometry is in voxel index space:
// voxel centres at integers, the image's extent −0.5 … n − 0.5 on each in-plane axis.

import { maskCodeProblem } from './mask-rle.js';

export const LIMITS = Object.freeze({
  maxPoints: 20000, maxScribbleWidth: 200, minBrushWidth: 1, maxBrushWidth: 200, minBoxSide: 1,
  maxProvenanceName: 64, maxPromptBytes: 16 * 1024,
});

const PLURAL = { box: 'Boxes', scribble: 'Scribbles', point: 'Points', tag: 'Tags', polygon: 'Polygons', brush: 'Brush strokes', mask: 'Suggested masks' };
const BACKGROUND_ALLOWED = new Set(['scribble', 'point']);

const inExtent = (x, n) => Number.isFinite(x) && x >= -0.5 && x <= n - 0.5;
const pointsInside = (pts, { nx, ny }) => pts.every((p) => Array.isArray(p) && p.length === 2 && inExtent(p[0], nx) && inExtent(p[1], ny));
const validList = (pts, min) => Array.isArray(pts) && pts.length >= min && pts.length <= LIMITS.maxPoints && pts.every((p) => Array.isArray(p) && p.length === 2);

/** Twice the signed area of a closed outline (shoelace). */
function twiceArea(pts) {
  let a = 0;
  for (let n = 0; n < pts.length; n++) {
    const [x0, y0] = pts[n], [x1, y1] = pts[(n + 1) % pts.length];
    a += x0 * y1 - x1 * y0;
  }
  return a;
}

const GEOMETRY = {
  box(box, dims) {
    const { x0, y0, x1, y1 } = box;
    if (![x0, y0, x1, y1].every(Number.isFinite)) return 'The box has no valid corners.';
    if (!inExtent(x0, dims.nx) || !inExtent(x1, dims.nx) || !inExtent(y0, dims.ny) || !inExtent(y1, dims.ny)) return `The box lies outside the image (${dims.nx} × ${dims.ny}).`;
    if (Math.abs(x1 - x0) < LIMITS.minBoxSide || Math.abs(y1 - y0) < LIMITS.minBoxSide) return 'The box is smaller than one voxel.';
    return null;
  },
  scribble(s, dims) {
    if (!validList(s.points, 2)) return `A scribble needs 2 to ${LIMITS.maxPoints} points.`;
    if (!(s.width > 0 && s.width <= LIMITS.maxScribbleWidth)) return `Scribble width must be above 0 and at most ${LIMITS.maxScribbleWidth} voxels.`;
    return pointsInside(s.points, dims) ? null : `The scribble leaves the image (${dims.nx} × ${dims.ny}).`;
  },
  point(p, dims) {
    return inExtent(p.x, dims.nx) && inExtent(p.y, dims.ny) ? null : `The point lies outside the image (${dims.nx} × ${dims.ny}).`;
  },
  polygon(g, dims) {
    if (!validList(g.points, 3)) return `A polygon needs 3 to ${LIMITS.maxPoints} points.`;
    if (!pointsInside(g.points, dims)) return `The polygon leaves the image (${dims.nx} × ${dims.ny}).`;
    return twiceArea(g.points) === 0 ? 'The polygon has no area.' : null;
  },
  brush(b, dims) {
    if (!validList(b.points, 1)) return `A brush stroke needs 1 to ${LIMITS.maxPoints} points.`;
    if (!(b.width >= LIMITS.minBrushWidth && b.width <= LIMITS.maxBrushWidth)) return `Brush width must be ${LIMITS.minBrushWidth} to ${LIMITS.maxBrushWidth} voxels.`;
    return pointsInside(b.points, dims) ? null : `The brush stroke leaves the image (${dims.nx} × ${dims.ny}).`;
  },
  mask(m, dims) {
    if (m.width !== dims.nx || m.height !== dims.ny) return `The mask is ${m.width} × ${m.height}; it must be as large as the image (${dims.nx} × ${dims.ny}).`;
    const problem = maskCodeProblem(m.counts, m.width, m.height);
    if (problem) return `The mask could not be read: ${problem}.`;
    let set = 0;
    for (let i = 1; i < m.counts.length; i += 2) set += m.counts[i];
    return set === 0 ? 'The mask is empty.' : null;
  },
  tag() { return null; },
};

const blank = (s) => typeof s !== 'string' || s.trim() === '';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (s) => typeof s === 'string' && UUID.test(s) && !/^[0-]+$/.test(s);

/** Every provenance source (Provenance.Sources on the server; both held to test/provenance-sources.json). */
export const PROVENANCE_SOURCES = Object.freeze(['manual', 'suggestion', 'propagated', 'interpolated']);
/** Sources whose labels an engine made: they name engine, modelVersion, suggestionId and objectId. */
const ENGINE_MADE = new Set(['suggestion', 'propagated']);
const UNKNOWN_SOURCE = `Provenance source must be one of ${PROVENANCE_SOURCES.map((s) => `"${s}"`).join(', ')}.`;
const promptProblem = (p) => (typeof p.prompt === 'string' && new TextEncoder().encode(p.prompt).length > LIMITS.maxPromptBytes
  ? `The suggestion's prompt is larger than ${LIMITS.maxPromptBytes / 1024} KB.` : null);

/**
 * The reason a command's provenance is refused, or null (ProvenanceRules on the server). Absent:
 * drawn by hand. A label taken from a suggestion (or propagated from a neighbouring slice) names
 * engine, modelVersion, suggestionId and objectId (the suggested object whose stream records the
 * acceptance); an interpolated box needs no engine; prompt at most 16 KB of UTF-8.
 */
export function provenanceProblem(p) {
  if (p == null) return null;
  if (!PROVENANCE_SOURCES.includes(p.source)) return UNKNOWN_SOURCE;
  if (!ENGINE_MADE.has(p.source)) return promptProblem(p);
  if (blank(p.engine) || blank(p.modelVersion) || !isId(p.suggestionId) || !isId(p.objectId)) {
    return "A suggestion's provenance needs engine, modelVersion, suggestionId and objectId.";
  }
  if (p.engine.length > LIMITS.maxProvenanceName || p.modelVersion.length > LIMITS.maxProvenanceName) {
    return `The provenance's engine and modelVersion are at most ${LIMITS.maxProvenanceName} characters.`;
  }
  return promptProblem(p);
}

/** The reason a slice index is refused, or null. */
export function validateSlice(k, { nz }) {
  return Number.isInteger(k) && k >= 0 && k < nz ? null : `Slice ${k} is not a slice of this image (0–${nz - 1}).`;
}

/** The planes a box, brush stroke, polygon or mask may be stored on (SlicePlaneNames on the server); absent means axial. */
export const PLANES = Object.freeze(['axial', 'coronal', 'sagittal']);
/** The kinds that may name a coronal or sagittal plane (AnnotationCommandValidator.PlaneKinds). */
export const PLANE_KINDS = Object.freeze(['box', 'brush', 'polygon', 'mask']);
export const ONLY_BOXES_ON_REFORMATS = 'Only boxes, brush strokes, polygons and masks are stored on a coronal or sagittal plane; points, scribbles and tags store their axial equivalent.';

/** A plane's axes in the image: { nx: width, ny: height, nz: slices } (coronal: i, k, j; sagittal: j, k, i). */
export const planeDims = (plane, { nx, ny, nz }) => (plane === 'coronal' ? { nx, ny: nz, nz: ny }
  : plane === 'sagittal' ? { nx: ny, ny: nz, nz: nx } : { nx, ny, nz });

/** A box, stroke, polygon or mask on a reformat, checked on that plane's own axes; refusals name the plane. */
function reformatProblem(command, dims) {
  const { kind, plane, slice } = command;
  const on = planeDims(plane, dims);
  if (slice == null) return `The ${kind} needs a slice.`;
  if (!(Number.isInteger(slice) && slice >= 0 && slice < on.nz)) return `Slice ${slice} is not a ${plane} slice of this image (0–${on.nz - 1}).`;
  const geometry = command[kind];
  if (geometry == null || typeof geometry !== 'object') return `The ${kind} command is incomplete (its ${kind} is missing).`;
  return GEOMETRY[kind](geometry, on)?.replace(`the image (${on.nx} × ${on.ny})`, `the ${plane} plane (${on.nx} × ${on.ny})`) ?? null;
}

/**
 * Null when the server would store the drawing command, else the reason it gives. dims: { nx, ny, nz }.
 * schema (optional): { classIds: ids of the project's classes, kinds: allowed kinds }; without it
 * only the rules that need no project are checked.
 */
export function validateCommand(command, dims, schema = null) {
  const { kind, classId, slice } = command ?? {};
  if (!GEOMETRY[kind]) return `"${kind}" is not an annotation type.`;
  if (schema?.kinds && !schema.kinds.includes(kind)) return `${PLURAL[kind]} are not allowed in this project.`;
  if (classId === 0 && !BACKGROUND_ALLOWED.has(kind)) return `A ${kind} needs a class; background is only for scribbles and points.`;
  if (classId !== 0 && schema?.classIds && !schema.classIds.includes(classId)) return `Class ${classId} is not a class of this project.`;
  const plane = command.plane ?? 'axial';
  if (!PLANES.includes(plane)) return `"${plane}" is not a plane; use "axial", "coronal" or "sagittal".`;
  if (plane !== 'axial') return PLANE_KINDS.includes(kind) ? reformatProblem(command, dims) ?? provenanceProblem(command.provenance) : ONLY_BOXES_ON_REFORMATS;
  const sliceReason = slice == null ? (kind === 'tag' ? null : `The ${kind} needs a slice.`) : validateSlice(slice, dims);
  if (sliceReason) return sliceReason;
  const geometry = command[kind];
  if (geometry == null || typeof geometry !== 'object') return `The ${kind} command is incomplete (its ${kind} is missing).`;
  return GEOMETRY[kind](geometry, dims) ?? provenanceProblem(command.provenance);
}
