// The QA viewer's overlay: every annotator's labels (read-only) and the consensus and heat-map
// images of the slice on screen, drawn on one canvas over the viewport in register with its
// camera (redrawn on every render: slice, zoom, pan, resize), as mask-overlay.js does.
// Shapes are in voxel index space (docs/annotation-protocol.md); voxel (i, j) covers
// [i − ½, i + ½] × [j − ½, j + ½].

import { Enums } from '@cornerstonejs/core';

/** Screen radius of a click, in CSS px, whatever the zoom. */
export const POINT_RADIUS_PX = 5;

/** The shapes of the visible layers on slice k, in layer order: [{ layer, shape }]. */
export function shapesOn(layers, hidden, k) {
  const out = [];
  for (const layer of layers ?? []) {
    if (hidden.has(layer.id)) continue;
    for (const shape of layer.shapes ?? []) if (shape.slice === k) out.push({ layer, shape });
  }
  return out;
}

/**
 * Draws one shape on a context whose transform maps index space to the canvas.
 * pxPerVoxel: canvas px per voxel (keeps clicks and thin lines visible at any zoom).
 */
export function drawShape(ctx, shape, colour, pxPerVoxel) {
  const p = shape.points ?? [];
  const px = 1 / Math.max(pxPerVoxel, 1e-6); // one screen px in voxels
  ctx.strokeStyle = colour; ctx.fillStyle = colour;
  ctx.setLineDash([]);
  ctx.lineJoin = 'round'; ctx.lineCap = 'round';
  switch (shape.kind) {
    case 'box': {
      const [x0, y0, x1, y1] = p;
      ctx.lineWidth = 2 * px;
      ctx.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      return;
    }
    case 'point': {
      const r = POINT_RADIUS_PX * px;
      ctx.beginPath(); ctx.arc(p[0], p[1], r, 0, 2 * Math.PI);
      if (shape.positive) { ctx.fill(); } else { ctx.lineWidth = 2 * px; ctx.stroke(); ctx.beginPath(); ctx.moveTo(p[0] - r, p[1]); ctx.lineTo(p[0] + r, p[1]); ctx.stroke(); }
      return;
    }
    case 'polygon': {
      path(ctx, p); ctx.closePath();
      ctx.globalAlpha = 0.35; ctx.fill(); ctx.globalAlpha = 1;
      ctx.lineWidth = 1.5 * px; ctx.stroke();
      return;
    }
    default: { // scribble, brush (an eraser stroke dashed)
      path(ctx, p);
      ctx.lineWidth = Math.max(shape.width ?? 1, 1.5 * px);
      if (shape.erase) ctx.setLineDash([4 * px, 3 * px]);
      ctx.globalAlpha = shape.kind === 'brush' ? 0.5 : 0.9;
      ctx.stroke(); ctx.globalAlpha = 1;
    }
  }
}

function path(ctx, p) {
  ctx.beginPath();
  for (let n = 0; n + 1 < p.length; n += 2) (n === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, p[n], p[n + 1]);
}

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
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(element.clientWidth * dpr), h = Math.round(element.clientHeight * dpr);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
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
