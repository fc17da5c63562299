// Multi-planar views: the coronal and sagittal viewports beside the workspace's axial one,
// as one view with an orientation switch or three side by side (OHIF's 1×3), with linked
// crosshairs (a click with the select tool, or scrolling any view, moves the others' lines and
// slices), one window/level and one zoom for all three. Reformats are made when first shown.
// A point or scribble drawn on a reformat is handed on as its axial equivalent; a box, a brush or
// eraser stroke and a polygon as a label on its plane (plane-labels.js). The composed full masks
// of each plane slice are kept here (one LabelMaps per reformat plane) and drawn on their own view;
// labels stored on a plane are traced on the other views (the axial one too).

import { Enums } from '@cornerstonejs/core';
import { createCrosshairLayer } from './crosshair-layer.js';
import { imageIdsOf, parseImageId } from './image-loader.js';
import { LabelMaps } from './label-map.js';
import { axialEquivalent, onPlane, planeBox, planeMapDims } from './plane-labels.js';
import { planeDims, planeOf } from './plane.js';
import { createTraceLayer } from './trace-layer.js';
import { createViewer } from './viewer.js';

export const LAYOUTS = Object.freeze(['axial', 'coronal', 'sagittal', '1x3']);
const REFORMATS = ['coronal', 'sagittal'];
const TITLES = { axial: 'Axial', coronal: 'Coronal', sagittal: 'Sagittal' };

/**
 * view: the element holding the panes (`.ws-view`); axialPane: the axial viewport's pane;
 * axial: its viewer (viewer.js). csTools: tools.js. mode() → the tool mode. labels() → current
 * commands; maskAt(k) → composed full masks of axial slice k. say(text). onCursor(c).
 */
export function createMprViews({ view, axialPane, axial, item, geometry, dims, id, csTools, mode, labels, maskAt, colourOf, say, onCursor = () => {} }) {
  const panes = { axial: axialPane };
  const views = { axial: { viewer: axial } };
  const cross = [Math.floor(dims.nx / 2), Math.floor(dims.ny / 2), axial.slice];
  let layout = 'axial';
  let settled = 'axial'; // the layout whose views are made and fitted
  let asked = 0; // a newer setLayout supersedes one still waiting for its views
  let opacity = 1;
  let syncing = false;
  const disposers = [];
  // The composed full masks stored on each reformat plane (brush, eraser, polygon, accepted masks with `plane`).
  const planeMaps = Object.fromEntries(REFORMATS.map((o) => [o, new LabelMaps(planeMapDims(o, dims), o)]));
  planeMaps.coronal.set(labels()); planeMaps.sagittal.set(labels());
  const planeMapAt = (plane, s) => planeMaps[plane]?.get(s) ?? null;

  axialPane.dataset.orientation = 'axial';
  axialPane.append(paneLabel('axial'));
  for (const o of REFORMATS) {
    const pane = document.createElement('div');
    pane.className = 'ws-pane';
    pane.dataset.orientation = o;
    pane.hidden = true;
    pane.innerHTML = `<div class="ws-viewport" data-testid="viewport-${o}" role="application" aria-label="${TITLES[o]} view" tabindex="0"></div>`;
    pane.append(paneLabel(o));
    view.append(pane);
    panes[o] = pane;
  }
  function paneLabel(o) {
    const label = document.createElement('div');
    label.className = 'ws-pane-label';
    label.dataset.testid = `pane-label-${o}`;
    label.style.setProperty('--ws-plane', ['#ff5252', '#4caf50', '#ffd54f'][['axial', 'coronal', 'sagittal'].indexOf(o)]);
    return label;
  }
  const sliceOf = (o) => cross[planeOf(o).normal];
  function showLabel(o) {
    const { count } = planeDims(o, dims);
    panes[o].querySelector('.ws-pane-label').textContent = `${TITLES[o]} ${sliceOf(o) + 1}/${count}`;
  }

  // ---- the reformats, made when first shown ---------------------------------------------
  const making = {};
  function ensure(o) {
    if (o === 'axial') return Promise.resolve(views.axial);
    making[o] ??= (async () => {
      const element = panes[o].querySelector('.ws-viewport');
      const viewer = await createViewer({
        element, item, imageIds: imageIdsOf(item, o), geometry, id: `${id}-${o}`, orientation: o, start: sliceOf(o),
        onSlice: (n) => sliceMoved(o, n), onCursor,
      });
      csTools.addViewport(viewer.viewportId, viewer.renderingEngineId);
      const trace = createTraceLayer({ element, viewport: viewer.viewport, geometry, dims, orientation: o, slice: () => viewer.slice, labels, maskAt, planeMapAt, colourOf });
      trace.setOpacity(opacity);
      const v = { viewer, trace };
      views[o] = v;
      addLinks(o, v);
      // The axial view's window and scale: one window and one zoom (mm per screen pixel) for all.
      const voi = axial.viewport.getProperties().voiRange;
      syncing = true;
      try { if (voi) viewer.setWindow((voi.upper + voi.lower) / 2, voi.upper - voi.lower, false); } finally { syncing = false; }
      viewer.viewport.render();
      return v;
    })();
    // A view that could not be made (its first slice did not load) is tried again the next time it is shown.
    making[o].catch(() => { delete making[o]; });
    return making[o];
  }

  function addLinks(o, v) {
    const element = v.viewer.element;
    v.crosshair = createCrosshairLayer({ element, viewport: v.viewer.viewport, geometry, dims, orientation: o, cross: () => (layout === '1x3' ? cross : null), slice: () => v.viewer.slice });
    const onVoi = (e) => {
      const r = e.detail.range;
      if (syncing || !r) return;
      follow(o, (other) => other.viewer.setWindow((r.upper + r.lower) / 2, r.upper - r.lower));
    };
    // One zoom: every view shows as many screen pixels per millimetre.
    const onCamera = () => { if (!syncing) matchZoom(o); };
    const onPress = (e) => press(o, e);
    const onUp = (e) => release(o, e);
    element.addEventListener(Enums.Events.VOI_MODIFIED, onVoi);
    element.addEventListener(Enums.Events.CAMERA_MODIFIED, onCamera);
    panes[o].addEventListener('pointerdown', onPress, true);
    panes[o].addEventListener('pointerup', onUp, true);
    disposers.push(() => {
      element.removeEventListener(Enums.Events.VOI_MODIFIED, onVoi);
      element.removeEventListener(Enums.Events.CAMERA_MODIFIED, onCamera);
      panes[o].removeEventListener('pointerdown', onPress, true);
      panes[o].removeEventListener('pointerup', onUp, true);
      v.crosshair.destroy(); v.trace?.destroy();
      if (o !== 'axial') v.viewer.destroy();
    });
  }
  // The axial view's own slice changes move the crosshair too; it traces what is stored on a reformat plane.
  views.axial.trace = createTraceLayer({ element: axial.element, viewport: axial.viewport, geometry, dims, orientation: 'axial', slice: () => axial.slice, labels, maskAt, planeMapAt, colourOf });
  addLinks('axial', views.axial);
  const onAxialSlice = () => sliceMoved('axial', axial.slice);
  axial.element.addEventListener(Enums.Events.STACK_NEW_IMAGE, onAxialSlice);
  disposers.push(() => axial.element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onAxialSlice));

  /** Runs fn on every other view that exists, without echoing their changes back. */
  function follow(from, fn) {
    syncing = true;
    try { for (const o of Object.keys(views)) if (o !== from && views[o]) fn(views[o]); } finally { syncing = false; }
  }

  /** Screen pixels per millimetre of a view (along its image rows), or null while it is not laid out. */
  function pxPerMm(o) {
    const v = views[o]?.viewer;
    if (!v || !v.element.clientWidth) return null;
    const p = planeOf(o);
    const a = [0, 0, 0], b = [0, 0, 0];
    a[p.normal] = b[p.normal] = v.slice;
    b[p.u] = 10;
    const wa = geometry.indexToWorld(a), wb = geometry.indexToWorld(b);
    const ca = v.viewport.worldToCanvas(wa), cb = v.viewport.worldToCanvas(wb);
    const d = Math.hypot(cb[0] - ca[0], cb[1] - ca[1]) / Math.hypot(...wb.map((x, n) => x - wa[n]));
    return Number.isFinite(d) && d > 0 ? d : null;
  }
  /** Zooms every other view laid out to the scale of view `from`. */
  function matchZoom(from) {
    const target = pxPerMm(from);
    if (!target) return;
    follow(from, (other) => {
      const o = other.viewer.orientation;
      const now = pxPerMm(o);
      if (!now || Math.abs(now / target - 1) < 1e-3) return;
      other.viewer.viewport.setZoom(other.viewer.viewport.getZoom() * (target / now));
      other.viewer.viewport.render();
    });
  }

  function sliceMoved(o, n) {
    cross[planeOf(o).normal] = n;
    showLabel(o);
    renderCrosshairs();
  }
  function renderCrosshairs() { for (const v of Object.values(views)) { v.crosshair?.render(); } }

  /** Moves the crosshair to voxel [i, j, k] (rounded, clamped): every view shows its slice through it. */
  async function setCross(index) {
    const n = [dims.nx, dims.ny, dims.nz];
    index.forEach((x, a) => { cross[a] = Math.max(0, Math.min(n[a] - 1, Math.round(x))); });
    await Promise.all(Object.entries(views).map(([o, v]) => v.viewer.setSlice(sliceOf(o))));
    for (const o of Object.keys(panes)) showLabel(o);
    renderCrosshairs();
  }

  // A click (no drag) with the select tool moves the crosshair there.
  let down = null;
  function press(o, e) {
    if (e.button !== 0) return;
    down = { o, x: e.clientX, y: e.clientY };
  }
  function release(o, e) {
    const d = down; down = null;
    if (!d || d.o !== o || mode() !== 'select' || e.shiftKey || e.altKey || Math.hypot(e.clientX - d.x, e.clientY - d.y) > 3) return;
    const element = views[o].viewer.element;
    const r = element.getBoundingClientRect();
    const world = views[o].viewer.viewport.canvasToWorld([e.clientX - r.left, e.clientY - r.top]);
    const index = geometry.worldToIndex(world);
    index[planeOf(o).normal] = sliceOf(o);
    setCross(index);
  }

  // ---- layout -----------------------------------------------------------------------------
  async function setLayout(next) {
    if (!LAYOUTS.includes(next)) return layout;
    const mine = ++asked;
    layout = next;
    view.classList.toggle('ws-layout-1x3', next === '1x3');
    for (const [o, pane] of Object.entries(panes)) pane.hidden = !(next === '1x3' || next === o);
    view.dataset.layout = next;
    const shown = next === '1x3' ? ['axial', ...REFORMATS] : [next];
    await Promise.all(shown.map(ensure));
    // After the panes' own resize (viewer.js's ResizeObserver) has run: fit, then one zoom for all.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // Asked for another layout meanwhile (or torn down): that call fits its own panes.
    if (mine !== asked) return layout;
    syncing = true;
    try {
      for (const o of shown) { views[o].viewer.engine.resize(true, true); views[o].viewer.viewport.resetCamera(); views[o].viewer.viewport.render(); showLabel(o); }
    } finally { syncing = false; }
    // The axial view's scale (or, shown alone, the view's own fit) for all.
    matchZoom(next === '1x3' ? 'axial' : next);
    renderCrosshairs();
    settled = next;
    return layout;
  }
  for (const o of Object.keys(panes)) showLabel(o);

  // ---- drawing on a reformat ----------------------------------------------------------------
  /** Whether a finished Cornerstone annotation lies on a coronal or sagittal image. */
  function owns(annotation) {
    const parsed = parseImageId(annotation?.metadata?.referencedImageId);
    return !!parsed && parsed.orientation !== 'axial';
  }
  /** The plane a finished Cornerstone annotation lies on: 'axial', 'coronal' or 'sagittal' (null: none of this item's). */
  function planeOfAnnotation(annotation) { return parseImageId(annotation?.metadata?.referencedImageId)?.orientation ?? null; }
  /**
   * What a finished annotation on a reformat is stored as (plane-labels.js): its axial
   * equivalent [{ kind, slice, point | scribble }], or for a box [{ kind: 'box',
   * plane, slice, box }]; throws with the reason it cannot be stored. width: the stroke's, in voxels.
   */
  function equivalentOf(annotation, { width }) {
    const { orientation, k: slice } = parseImageId(annotation.metadata.referencedImageId);
    const tool = annotation.metadata.toolName;
    const kind = { RectangleROI: 'box', Scribble: 'scribble', WeakPoint: 'point', WeakPolygon: 'polygon', WeakBrush: 'brush', WeakEraser: 'brush' }[tool];
    const world = kind !== 'box' && annotation.data.contour?.polyline?.length ? annotation.data.contour.polyline : annotation.data.handles.points;
    // On the image's plane: its normal coordinate is the slice (no float noise from the world round trip).
    const index = world.map((w) => { const x = geometry.worldToIndex(w); x[planeOf(orientation).normal] = slice; return x; });
    if (kind === 'box') return [planeBox(orientation, slice, index)];
    if (kind === 'polygon' || kind === 'brush') return [onPlane(orientation, slice, { kind, points: index, width, erase: tool === 'WeakEraser' })];
    const drawing = kind === 'point' ? { kind, at: index[0] }
      : kind === 'polygon' ? { kind, points: index }
        : kind === 'brush' ? { kind, points: index, width, erase: tool === 'WeakEraser' } : { kind, points: index, width };
    return axialEquivalent(orientation, dims, slice, drawing);
  }
  function labelsChanged() {
    for (const o of REFORMATS) planeMaps[o].set(labels());
    for (const o of REFORMATS) views[o]?.viewer.viewport.render();
    views.axial.trace.render();
  }
  /** The view the slice keys act on: the one shown alone, or the axial one. */
  const active = () => (layout === '1x3' ? views.axial : views[layout] ?? views.axial).viewer;

  const bindings = [
    { keys: ['Shift+A'], label: 'Axial view', group: 'Views', layout: 'axial' },
    { keys: ['Shift+C'], label: 'Coronal view', group: 'Views', layout: 'coronal' },
    { keys: ['Shift+S'], label: 'Sagittal view', group: 'Views', layout: 'sagittal' },
    { keys: ['Shift+M'], label: 'Axial, coronal and sagittal side by side (1×3)', group: 'Views', layout: '1x3' },
  ];

  return {
    setLayout, get layout() { return layout; }, owns, planeOf: planeOfAnnotation, equivalentOf, labelsChanged, active, bindings, setCross,
    setOpacity(o) { opacity = o; for (const r of REFORMATS) views[r]?.trace.setOpacity(o); },
    /** Tests: { layout, cross, slices: { orientation: slice on screen } }. */
    debug: () => ({ layout, settled: settled === layout, cross: [...cross], slices: Object.fromEntries(Object.entries(views).map(([o, v]) => [o, v.viewer.slice])) }),
    viewerOf: (o) => views[o]?.viewer ?? null,
    /** The composed full masks of slice s of a reformat plane (Uint8Array planeMapDims, class ids) or null. */
    planeMapAt,
    /** The view (orientation) whose viewport element holds a DOM node, or null. */
    viewOfElement: (node) => Object.keys(views).find((o) => views[o]?.viewer.element.contains(node)) ?? null,
    /** { coronal?, sagittal? }: the slice of each reformat view on screen now. */
    shownSlices: () => Object.fromEntries(REFORMATS.filter((o) => views[o] && !panes[o].hidden).map((o) => [o, views[o].viewer.slice])),
    ensure,
    destroy() { asked++; disposers.reverse().forEach((d) => { try { d(); } catch (err) { console.warn('weakseg mpr', err); } }); },
  };
}
