// Shows the composed full-mask label map (label-map.js) of the slice on screen: one canvas
// over the viewport's image, under Cornerstone's SVG annotation layer, redrawn on every render
// of the viewport (slice, zoom, pan, resize), so it stays in register with the camera.
// Voxel (i, j) of the map covers index [i − ½, i + ½] × [j − ½, j + ½].

import { Enums } from '@cornerstonejs/core';
import { clearLayer } from './page-layer.js';
import { LabelMaps } from './label-map.js';

/** Alpha of painted voxels (the label opacity slider scales the whole layer). */
export const FILL_ALPHA = 0.45;

/** '#rrggbb' → [r, g, b]; anything else → a yellow. */
export function rgbOf(colour) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [255, 213, 79];
}

/**
 * element: the viewport element. viewport: Cornerstone stack viewport. geometry: index ↔ world.
 * dims: {nx, ny}. slice() → k on screen. colourOf(classId) → '#rrggbb'.
 * Returns { update(commands), render(), setOpacity(o), labelsAt(k), destroy() }.
 */
export function createMaskOverlay({ element, viewport, geometry, dims, slice, colourOf }) {
  const maps = new LabelMaps(dims);
  const canvas = document.createElement('canvas');
  canvas.className = 'ws-mask-layer';
  canvas.dataset.testid = 'mask-layer';
  const svgLayer = element.querySelector('svg.svg-layer');
  if (svgLayer) svgLayer.before(canvas); else element.append(canvas);
  const ctx = canvas.getContext('2d');
  const painted = new Map(); // k → { labels, bitmap, voxels } (the labels the bitmap was made from)

  function bitmapOf(k) {
    const labels = maps.get(k);
    if (!labels) { painted.delete(k); return null; }
    const have = painted.get(k);
    if (have?.labels === labels) return have.bitmap;
    const { nx, ny } = dims;
    const bitmap = have?.bitmap ?? document.createElement('canvas');
    bitmap.width = nx; bitmap.height = ny;
    const image = new ImageData(nx, ny);
    const rgb = new Map();
    const alpha = Math.round(FILL_ALPHA * 255);
    let voxels = 0;
    for (let v = 0; v < labels.length; v++) {
      const c = labels[v];
      if (!c) continue;
      voxels++;
      if (!rgb.has(c)) rgb.set(c, rgbOf(colourOf(c)));
      const [r, g, b] = rgb.get(c);
      image.data[4 * v] = r; image.data[4 * v + 1] = g; image.data[4 * v + 2] = b; image.data[4 * v + 3] = alpha;
    }
    bitmap.getContext('2d').putImageData(image, 0, 0);
    painted.set(k, { labels, bitmap, voxels });
    return bitmap;
  }

  function render() {
    const { dpr } = clearLayer(canvas, ctx, element);
    const k = slice();
    const bitmap = bitmapOf(k);
    canvas.dataset.slice = String(k);
    canvas.dataset.painted = String(bitmap ? painted.get(k).voxels : 0);
    if (!bitmap) return;
    const at = (i, j) => viewport.worldToCanvas(geometry.indexToWorld([i, j, k]));
    const o = at(0, 0), ex = at(1, 0), ey = at(0, 1);
    const a = ex[0] - o[0], b = ex[1] - o[1], c = ey[0] - o[0], d = ey[1] - o[1];
    if (![a, b, c, d].every(Number.isFinite)) return;
    // Bitmap pixel (u, v) → index (u − ½, v − ½) → canvas px.
    ctx.setTransform(dpr * a, dpr * b, dpr * c, dpr * d, dpr * (o[0] - (a + c) / 2), dpr * (o[1] - (b + d) / 2));
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(bitmap, 0, 0);
  }

  const onRendered = () => render();
  element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);

  return {
    /** commands: every current annotation, in the order made; only polygons and brush strokes count. */
    update(commands) { maps.set(commands); render(); },
    render,
    /** Forgets the colours drawn so far (a class colour changed). */
    recolour() { painted.clear(); render(); },
    setOpacity(opacity) { canvas.style.opacity = String(opacity); },
    /** The composed label map of slice k (Uint8Array nx·ny of class ids) or null. */
    labelsAt: (k) => maps.get(k),
    destroy() { element.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered); canvas.remove(); },
  };
}
