// The image viewer: one Cornerstone stack viewport over an item's slices in one orientation
// (axial by default; coronal and sagittal reformats for the multi-planar views, mpr-views.js). Slice scroll
// (wheel via tools.js, arrow keys and the slider via the workspace), window/level computed
// in the browser from raw values, presets, zoom, pan, fit, cursor readout and prefetch.

import {
  cache, Enums, eventTarget, imageLoader, init as initCore, RenderingEngine, setUseCPURendering,
} from '@cornerstonejs/core';
import { init as initTools } from '@cornerstonejs/tools';
import { voxelValue } from './image-loader.js';
import { voxelToPixel } from './plane.js';

let initialised = false;
/** Initialises Cornerstone once per page; cpuRendering forces the canvas renderer (no WebGL). */
export async function initCornerstone({ cpuRendering = false } = {}) {
  if (!initialised) {
    // Each viewer has its own rendering engine, and Cornerstone gives every engine a pool of
    // WebGL contexts (7 by default). With the coronal and sagittal views that made 21 contexts,
    // past Chromium's 16: the oldest was lost and vtk.js then read a null shader program
    // ("Cannot read properties of null (reading 'isAttributeUsed')"). One context per engine.
    await initCore({ rendering: { webGlContextCount: 1 } });
    initTools();
    initialised = true;
  }
  if (cpuRendering) setUseCPURendering(true);
}

const PREFETCH = 3; // slices either side

/**
 * element: an empty div that becomes the viewport. item: the item JSON; imageIds/geometry
 * from image-loader.registerItem (or imageIdsOf for a reformat, with its orientation). onSlice(k),
 * onCursor({i, j, k, value} | null), onVoi({center, width}). start: the first slice (default the middle).
 */
export async function createViewer({ element, item, imageIds, geometry, id, orientation = 'axial', start: first = null, onSlice = () => {}, onCursor = () => {}, onVoi = () => {} }) {
  const renderingEngineId = `weakseg-engine-${id}`;
  const viewportId = `weakseg-viewport-${id}`;
  const engine = new RenderingEngine(renderingEngineId);
  engine.enableElement({ viewportId, type: Enums.ViewportType.STACK, element, defaultOptions: { background: [0, 0, 0] } });
  const viewport = engine.getViewport(viewportId);
  const blockMenu = (e) => e.preventDefault();
  element.addEventListener('contextmenu', blockMenu);

  const start = first ?? Math.floor(imageIds.length / 2);
  await viewport.setStack(imageIds, start);
  if (item.window) setWindow(item.window.center, item.window.width, false);
  viewport.render();

  let k = start;
  const onNewImage = (e) => {
    k = e.detail.imageIdIndex ?? viewport.getCurrentImageIdIndex();
    onSlice(k);
    prefetch(k);
  };
  element.addEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
  const onVoiModified = (e) => {
    const r = e.detail.range;
    if (r) onVoi({ center: (r.upper + r.lower) / 2, width: r.upper - r.lower });
  };
  element.addEventListener(Enums.Events.VOI_MODIFIED, onVoiModified);

  let lastPointer = null;
  const onMove = (e) => {
    const rect = element.getBoundingClientRect();
    lastPointer = [e.clientX - rect.left, e.clientY - rect.top];
    readCursor();
  };
  const onLeave = () => { lastPointer = null; onCursor(null); };
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerleave', onLeave);
  function readCursor() {
    // A view hidden since the pointer was last on it (another layout) has nothing under the pointer.
    if (!lastPointer || !element.clientWidth) return;
    const world = viewport.canvasToWorld(lastPointer);
    const index = geometry.worldToIndex(world).map(Math.round);
    if (orientation === 'axial') index[2] = k;
    const [i, j, kk] = index;
    const inside = i >= 0 && j >= 0 && kk >= 0 && i < item.nx && j < item.ny && kk < item.nz;
    const { col, row } = voxelToPixel(orientation, item, index);
    onCursor(inside ? { i, j, k: kk, value: voxelValue(cache, item.id, k, col, row, orientation), world } : null);
  }
  const onCache = () => readCursor();
  eventTarget.addEventListener(Enums.Events.IMAGE_CACHE_IMAGE_ADDED, onCache);

  function prefetch(center) {
    for (let d = 1; d <= PREFETCH; d++) {
      for (const n of [center + d, center - d]) {
        if (n < 0 || n >= imageIds.length || cache.getImageLoadObject(imageIds[n])) continue;
        imageLoader.loadAndCacheImage(imageIds[n], { priority: 5, requestType: Enums.RequestType.Prefetch }).catch(() => {});
      }
    }
  }
  prefetch(start);

  const resize = new ResizeObserver(() => engine.resize(true, true));
  resize.observe(element);

  function setWindow(center, width, render = true) {
    viewport.setProperties({ voiRange: { lower: center - width / 2, upper: center + width / 2 } });
    onVoi({ center, width });
    if (render) viewport.render();
  }

  return {
    engine, viewport, viewportId, renderingEngineId, element, orientation,
    get slice() { return k; },
    /** Shows slice k (clamped); resolves once it is on screen. */
    async setSlice(next) {
      const clamped = Math.max(0, Math.min(imageIds.length - 1, Math.round(next)));
      if (clamped === viewport.getCurrentImageIdIndex()) return clamped;
      await viewport.setImageIdIndex(clamped);
      return clamped;
    },
    setWindow,
    zoomBy(factor) { viewport.setZoom(viewport.getZoom() * factor); viewport.render(); },
    fit() { viewport.resetCamera(); viewport.render(); },
    /** Opacity of the drawn labels (SVG annotation layer), 0…1. */
    setLabelOpacity(opacity) {
      const svg = element.querySelector('svg.svg-layer');
      if (svg) svg.style.opacity = String(opacity);
    },
    destroy() {
      resize.disconnect();
      eventTarget.removeEventListener(Enums.Events.IMAGE_CACHE_IMAGE_ADDED, onCache);
      element.removeEventListener('contextmenu', blockMenu);
      element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onNewImage);
      element.removeEventListener(Enums.Events.VOI_MODIFIED, onVoiModified);
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerleave', onLeave);
      engine.destroy();
    },
  };
}
