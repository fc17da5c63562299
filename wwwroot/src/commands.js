// Turns finished Cornerstone annotations (world LPS mm) into protocol commands (voxel index
// space, docs/annotation-protocol.md) and back. The one place where world becomes index.

import { simplify, tidy } from './geometry.js';
import { planeBoxIndex } from './plane-labels.js';
import { planeOf } from './plane.js';
import { validateCommand } from './validation.js';

/** Cornerstone tool name → protocol kind. tools.js registers tools under these names. */
export const TOOL_KINDS = Object.freeze({ RectangleROI: 'box', Scribble: 'scribble', WeakPoint: 'point', WeakPolygon: 'polygon', WeakBrush: 'brush', WeakEraser: 'brush' });
/** Protocol kind → the Cornerstone tool that draws it (an erasing brush stroke: see toolFor). */
export const KIND_TOOLS = Object.freeze({ box: 'RectangleROI', scribble: 'Scribble', point: 'WeakPoint', polygon: 'WeakPolygon', brush: 'WeakBrush' });

/** The Cornerstone tool that draws a stored command back, or undefined for tags and deletions. */
export function toolFor(command) {
  if (command?.kind === 'brush' && command.brush?.erase) return 'WeakEraser';
  return KIND_TOOLS[command?.kind];
}

/** Polyline of a freehand annotation (contour while finished, handles while drawn). */
function polylineOf(annotation) {
  return annotation.data.contour?.polyline?.length ? annotation.data.contour.polyline : annotation.data.handles.points;
}

/** Stroke points in index space, rounded to 3 decimals. */
const planar = (idx) => idx.map((p) => [tidy(p[0], 3), tidy(p[1], 3)]);
/** Full-mask outlines and strokes, with points closer than 0.1 voxel to a straight run dropped. */
const planarSimplified = (idx) => simplify(planar(idx), 0.1);

/** RFC 4122 v4 UUID; crypto.randomUUID is missing outside secure contexts (plain http off localhost). */
export function uuid() {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function base({ commandId, itemId, kind, classId, slice, activeMs }) {
  return { commandId: commandId ?? uuid(), itemId, kind, classId, slice, activeMs: Math.max(0, Math.round(activeMs ?? 0)) };
}

/** The slice all points lie on (nearest integer k); throws when they span more than one slice. */
function sliceOf(indices) {
  const k = Math.round(indices[0][2]);
  if (indices.some((p) => Math.abs(p[2] - k) > 0.51)) throw new Error('The annotation does not lie on one slice.');
  return k;
}

/**
 * Command for a finished Cornerstone annotation, or throws an Error whose message is a reason
 * for the annotator. ctx: { itemId, geometry (createGeometry), dims {nx,ny,nz}, classId,
 * positive (points), width (scribbles and brush strokes, voxels), activeMs, commandId? }.
 * A polygon or brush stroke needs a foreground class; an eraser stroke (tool WeakEraser) is
 * a brush command with erase true.
 */
export function annotationToCommand(annotation, ctx) {
  const toolName = annotation?.metadata?.toolName;
  const kind = TOOL_KINDS[toolName];
  if (!kind) throw new Error(`Tool ${toolName} makes no protocol annotation.`);
  const toIndex = (w) => ctx.geometry.worldToIndex(w);
  let command;
  if (kind === 'box' && ctx.plane && ctx.plane !== 'axial') {
    // A box on a coronal or sagittal image (moved or reshaped there): x across the image, y = k.
    const p = planeOf(ctx.plane);
    const idx = annotation.data.handles.points.map(toIndex);
    const xs = idx.map((q) => q[p.u]), ks = idx.map((q) => q[2]);
    const box = { x0: tidy(Math.min(...xs)), y0: tidy(Math.min(...ks)), x1: tidy(Math.max(...xs)), y1: tidy(Math.max(...ks)) };
    command = { ...base({ ...ctx, kind, slice: sliceOf(idx.map((q) => [0, 0, q[p.normal]])) }), box, plane: ctx.plane };
  } else if ((kind === 'polygon' || kind === 'brush') && ctx.plane && ctx.plane !== 'axial') {
    // A full-mask shape on a coronal or sagittal image (moved there): points in the plane's x (across) and y = k.
    const p = planeOf(ctx.plane);
    const idx = polylineOf(annotation).map(toIndex);
    const points = planarSimplified(idx.map((q) => [q[p.u], q[2]]));
    const slice = sliceOf(idx.map((q) => [0, 0, q[p.normal]]));
    if (kind === 'polygon') {
      while (points.length > 1 && points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1]) points.pop();
      command = { ...base({ ...ctx, kind, slice }), polygon: { points }, plane: ctx.plane };
    } else {
      command = { ...base({ ...ctx, kind, slice }), brush: { points, width: ctx.width ?? 3, erase: toolName === 'WeakEraser' }, plane: ctx.plane };
    }
  } else if (kind === 'box') {
    const idx = annotation.data.handles.points.map(toIndex);
    const xs = idx.map((p) => p[0]), ys = idx.map((p) => p[1]);
    const box = { x0: tidy(Math.min(...xs)), y0: tidy(Math.min(...ys)), x1: tidy(Math.max(...xs)), y1: tidy(Math.max(...ys)) };
    command = { ...base({ ...ctx, kind, slice: sliceOf(idx) }), box };
  } else if (kind === 'scribble') {
    const idx = polylineOf(annotation).map(toIndex);
    const scribble = { points: planar(idx), width: ctx.width ?? 3 };
    command = { ...base({ ...ctx, kind, slice: sliceOf(idx) }), scribble };
  } else if (kind === 'polygon') {
    const idx = polylineOf(annotation).map(toIndex);
    const points = planarSimplified(idx);
    // A closed contour may repeat its first point at the end; the protocol's polygon closes itself.
    while (points.length > 1 && points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1]) points.pop();
    const polygon = { points };
    command = { ...base({ ...ctx, kind, slice: sliceOf(idx) }), polygon };
  } else if (kind === 'brush') {
    const erase = toolName === 'WeakEraser';
    const idx = polylineOf(annotation).map(toIndex);
    const brush = { points: planarSimplified(idx), width: ctx.width ?? 3, erase };
    command = { ...base({ ...ctx, kind, slice: sliceOf(idx) }), brush };
  } else {
    const idx = [toIndex(annotation.data.handles.points[0])];
    const point = { x: tidy(idx[0][0]), y: tidy(idx[0][1]), positive: ctx.positive !== false };
    command = { ...base({ ...ctx, kind, slice: sliceOf(idx) }), point };
  }
  fail(validateCommand(command, ctx.dims, ctx.schema));
  return command;
}

/**
 * Commands for a drawing on a coronal or sagittal image: its axial equivalent (plane-labels.js
 * `axialEquivalent`: [{ kind, slice, point | scribble | brush | polygon }]) or a box on its plane
 * (`planeBox`: { kind: 'box', plane, slice, box }). ctx as for annotationToCommand; the active
 * time goes to the first. Throws with the first refusal.
 */
export function planeCommands(parts, ctx) {
  return parts.map((part, n) => {
    const geometry = part.kind === 'point' ? { point: { ...part.point, positive: ctx.positive !== false } } : { [part.kind]: part[part.kind] };
    if (part.plane && part.plane !== 'axial') geometry.plane = part.plane;
    const command = { ...base({ ...ctx, kind: part.kind, slice: part.slice, activeMs: n === 0 ? ctx.activeMs : 0, commandId: null }), ...geometry };
    fail(validateCommand(command, ctx.dims, ctx.schema));
    return command;
  });
}

/** Tag command: slice = k for a slice tag, null for an item-level tag. */
export function tagCommand({ itemId, classId, slice = null, present, activeMs, commandId }) {
  return { ...base({ commandId, itemId, kind: 'tag', classId, slice, activeMs }), tag: { present: !!present } };
}

/** Delete command; annotationId may be null while the create it removes awaits its ack (the outbox fills it in). */
export function deleteCommand({ itemId, annotationId = null, activeMs, commandId }) {
  // classId is a number in the protocol; a delete has none, so 0.
  return { ...base({ commandId, itemId, kind: 'delete', classId: 0, slice: null, activeMs }), delete: { annotationId } };
}

/** The protocol member that carries each kind's geometry. */
const GEOMETRY_MEMBER = Object.freeze({ box: 'box', scribble: 'scribble', point: 'point', tag: 'tag', polygon: 'polygon', brush: 'brush', mask: 'mask', delete: 'delete' });

/**
 * A stored annotation as the server gives it back (GetMyAnnotations: every member, nulls,
 * provenance, annotationId) in the shape of the command that made it, so that it compares,
 * redraws and resends exactly like one made on this page. A label taken from a suggestion (or
 * propagated, or interpolated) keeps its provenance (a manual one is sent without, and comes back the same).
 */
export function commandFromView(view) {
  const member = GEOMETRY_MEMBER[view?.kind];
  if (!member) throw new Error(`Unknown annotation kind ${view?.kind}.`);
  const provenance = view.provenance?.source && view.provenance.source !== 'manual' ? { provenance: structuredClone(view.provenance) } : {};
  // A box stored on a coronal or sagittal plane keeps it (null or "axial": the axial geometry of every other label).
  const plane = view.plane && view.plane !== 'axial' ? { plane: view.plane } : {};
  return { ...base({ ...view, slice: view.slice ?? null }), [member]: structuredClone(view[member]), ...provenance, ...plane };
}

/**
 * A full-mask label from an accepted suggestion (docs/suggestion-protocol.md "Accepting"):
 * mask = { width, height, counts } (mask-rle.js), provenance = { source: 'suggestion', engine,
 * modelVersion, prompt, suggestionId, objectId }.
 */
export function maskCommand({ itemId, classId, slice, mask, provenance, activeMs, commandId, plane = null }) {
  // plane: 'coronal' / 'sagittal' for a mask of that plane's slice (mask rows are k ascending); absent: axial.
  const on = plane && plane !== 'axial' ? { plane } : {};
  return { ...base({ commandId, itemId, kind: 'mask', classId, slice, activeMs }), mask: structuredClone(mask), provenance: structuredClone(provenance), ...on };
}

/**
 * A box label made by the page itself (an accepted interpolated box): box = { x0, y0, x1, y1 } in index space;
 * plane: 'coronal' / 'sagittal' for a box of that plane's slice (x across, y = k); absent: axial.
 */
export function boxCommand({ itemId, classId, slice, box, provenance, activeMs, commandId, plane = null }) {
  const b = { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 };
  const on = plane && plane !== 'axial' ? { plane } : {};
  return { ...base({ commandId, itemId, kind: 'box', classId, slice, activeMs }), box: b, ...(provenance ? { provenance: structuredClone(provenance) } : {}), ...on };
}

/** Whether two commands describe the same label: kind, class, slice and geometry (ids and times aside). */
export function sameLabel(a, b) {
  const member = GEOMETRY_MEMBER[a?.kind];
  return !!member && a.kind === b?.kind && a.classId === b.classId && (a.slice ?? null) === (b.slice ?? null) && (a.plane ?? 'axial') === (b.plane ?? 'axial')
    && JSON.stringify(a[member]) === JSON.stringify(b[member]);
}

/** The same annotation under a fresh commandId (redo, move). */
export function recreate(command, overrides = {}) {
  const copy = structuredClone(command);
  delete copy.annotationId;
  return { ...copy, ...overrides, commandId: overrides.commandId ?? uuid() };
}

/**
 * World geometry of a stored command, for drawing it back: { kind, slice, points } where
 * points are world LPS mm — box: the 4 corners (x0y0, x1y0, x1y1, x0y1 → Cornerstone's
 * RectangleROI order top-left, top-right, bottom-left, bottom-right), scribble: its polyline,
 * point: one point, polygon: its outline (closed by the tool), brush: its stroke.
 */
export function commandToWorld(command, geometry) {
  const k = command.slice;
  const w = (x, y) => geometry.indexToWorld([x, y, k]);
  if (command.kind === 'box' && command.plane && command.plane !== 'axial') {
    const at = (x, y) => geometry.indexToWorld(planeBoxIndex(command.plane, k, x, y));
    const { x0, y0, x1, y1 } = command.box;
    return { kind: 'box', slice: k, plane: command.plane, points: [at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1)] };
  }
  if ((command.kind === 'polygon' || command.kind === 'brush') && command.plane && command.plane !== 'axial') {
    const at = ([x, y]) => geometry.indexToWorld(planeBoxIndex(command.plane, k, x, y));
    return { kind: command.kind, slice: k, plane: command.plane, points: command[command.kind].points.map(at) };
  }
  if (command.kind === 'box') {
    const { x0, y0, x1, y1 } = command.box;
    return { kind: 'box', slice: k, points: [w(x0, y0), w(x1, y0), w(x0, y1), w(x1, y1)] };
  }
  if (command.kind === 'scribble') return { kind: 'scribble', slice: k, points: command.scribble.points.map(([x, y]) => w(x, y)) };
  if (command.kind === 'polygon') return { kind: 'polygon', slice: k, points: command.polygon.points.map(([x, y]) => w(x, y)) };
  if (command.kind === 'brush') return { kind: 'brush', slice: k, points: command.brush.points.map(([x, y]) => w(x, y)) };
  if (command.kind === 'point') return { kind: 'point', slice: k, points: [w(command.point.x, command.point.y)] };
  return { kind: command.kind, slice: k, points: [] };
}

function fail(reason) { if (reason) throw new Error(reason); }
