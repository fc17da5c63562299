// The QA viewer's overlay: every annotator's labels (read-only) and the consensus and heat-map
// images of the slice on screen, drawn on one canvas over the viewport in register with its
// camera (redrawn on every render: slice, zoom, pan, resize), as mask-overlay.js does.
// Shapes are in voxel index space (docs/annotation-protocol.md); voxel (i, j) covers
// [i − ½, i + ½] × [j − ½, j + ½].

import { Enums } from '@cornerstonejs/core';
import { clearLayer } from './page-layer.js';
import { drawShape, shapesOn } from './qa-shapes.js';

/**
 * element: the viewport element; viewport: Cornerstone stack viewport; geometry: index ↔ world;
 * dims: {nx, ny}; slice() → k on screen.
 * Returns { setLayers(layers), setVisible(id, on), setImages({ slice, consensus, heat }),
 *   showImage(name, on), render(), destroy() }.
 */
export function createQaLayers({ element, viewport, geometry, dims, slice }) {
  const canvas = document.createElement('canvas');
  canvas.className = 'ws-mask-layer';
  canvas.dataset.testid = 'qa-layer';
  element.append(canvas);
  const ctx = canvas.getContext('2d');
  let layers = [];
  const hidden = new Set();
  const images = { consensus: null, heat: null }; // name → { slice, image }
  const shownImages = { consensus: true, heat: true };

  function setImage(name, k, uri) {
    if (!uri) { images[name] = null; render(); return; }
    const image = new Image();
    image.onload = () => { if (images[name]?.image === image) render(); };
    image.src = uri;
    images[name] = { slice: k, image };
  }

  function render() {
    const { dpr } = clearLayer(canvas, ctx, element);
    const k = slice();
    const at = (i, j) => viewport.worldToCanvas(geometry.indexToWorld([i, j, k]));
    const o = at(0, 0), ex = at(1, 0), ey = at(0, 1);
    const a = ex[0] - o[0], b = ex[1] - o[1], c = ey[0] - o[0], d = ey[1] - o[1];
    if (![a, b, c, d].every(Number.isFinite)) return;
    ctx.setTransform(dpr * a, dpr * b, dpr * c, dpr * d, dpr * o[0], dpr * o[1]);
    ctx.imageSmoothingEnabled = false;
    const drawnImages = [];
    for (const name of ['consensus', 'heat']) {
      const entry = images[name];
      if (!shownImages[name] || !entry || entry.slice !== k || !entry.image.complete || !entry.image.naturalWidth) continue;
      ctx.drawImage(entry.image, -0.5, -0.5, dims.nx, dims.ny);
      drawnImages.push(name);
    }
    const shapes = shapesOn(layers, hidden, k);
    const pxPerVoxel = Math.hypot(a, b) * dpr;
    for (const { layer, shape } of shapes) drawShape(ctx, shape, layer.colour, pxPerVoxel);
    canvas.dataset.slice = String(k);
    canvas.dataset.shapes = String(shapes.length);
    canvas.dataset.layers = layers.filter((l) => !hidden.has(l.id)).map((l) => l.id).join(' ');
    canvas.dataset.images = drawnImages.join(' ');
  }

  const onRendered = () => render();
  element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);

  return {
    setLayers(next) { layers = next ?? []; render(); },
    setVisible(id, on) { if (on) hidden.delete(id); else hidden.add(id); render(); },
    setImages({ slice: k, consensus, heat }) { setImage('consensus', k, consensus); setImage('heat', k, heat); },
    showImage(name, on) { shownImages[name] = !!on; render(); },
    render,
    destroy() { element.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered); canvas.remove(); },
  };
}
