// What the stored labels mark on a coronal or sagittal image: a canvas over a reformat's
// viewport, in register with its camera, redrawn on every render. Labels are stored on axial
// slices (plane-labels.js): each one's voxels on the image's line through its slice are filled in
// the class colour (a box's extent there outlined), and the composed full masks (polygons, brush
// strokes, accepted suggestions) show per row as in the axial view.

import { Enums } from '@cornerstonejs/core';
import { clearLayer } from './page-layer.js';
import { pixelToVoxel } from './plane.js';
import { maskRow, traceOn } from './plane-labels.js';
import { FILL_ALPHA } from './mask-overlay.js';

const FULL_MASK = new Set(['polygon', 'brush', 'mask']);

/**
 * element, viewport: the reformat's. orientation: 'coronal' | 'sagittal'. slice() → index on
 * screen. labels() → the current commands (hidden ones left out). maskAt(k) → the composed
 * full-mask map of axial slice k (Uint8Array nx·ny) or null. colourOf(classId).
 */
export function createTraceLayer({ element, viewport, geometry, dims, orientation, slice, labels, maskAt, colourOf }) {
  const canvas = document.createElement('canvas');
  canvas.className = 'ws-mask-layer';
  canvas.dataset.testid = `trace-layer-${orientation}`;
  element.append(canvas);
  const ctx = canvas.getContext('2d');

  function render() {
    const { dpr } = clearLayer(canvas, ctx, element);
    const s = slice();
    const at = (c, r) => viewport.worldToCanvas(geometry.indexToWorld(pixelToVoxel(orientation, dims, s, [c, r])));
    const o = at(0, 0), ex = at(1, 0), ey = at(0, 1);
    const a = ex[0] - o[0], b = ex[1] - o[1], c = ey[0] - o[0], d = ey[1] - o[1];
    if (![a, b, c, d].every(Number.isFinite)) return;
    ctx.setTransform(dpr * a, dpr * b, dpr * c, dpr * d, dpr * o[0], dpr * o[1]);
    let spans = 0;
    const commands = labels();
    const fullMaskSlices = new Set();
    for (const command of commands) {
      if (FULL_MASK.has(command.kind)) { fullMaskSlices.add(command.slice); continue; }
      for (const span of traceOn(orientation, dims, s, command)) {
        spans++;
        const colour = colourOf(command.classId);
        if (span.outline) {
          ctx.strokeStyle = colour; ctx.lineWidth = 2 / Math.max(1e-6, dpr * Math.hypot(c, d));
          ctx.strokeRect(span.c0, span.row - 0.5, span.c1 - span.c0, 1);
        } else {
          ctx.fillStyle = colour;
          ctx.fillRect(span.c0, span.row - 0.5, span.c1 - span.c0, 1);
        }
      }
    }
    ctx.globalAlpha = FILL_ALPHA * 2;
    for (const k of fullMaskSlices) {
      const map = maskAt(k);
      if (!map) continue;
      const row = dims.nz - 1 - k;
      for (const span of maskRow(map, dims, orientation, s)) {
        spans++;
        ctx.fillStyle = colourOf(span.classId);
        ctx.fillRect(span.c0, row - 0.5, span.c1 - span.c0, 1);
      }
    }
    ctx.globalAlpha = 1;
    canvas.dataset.slice = String(s);
    canvas.dataset.spans = String(spans);
  }

  const onRendered = () => render();
  element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
  return {
    render,
    setOpacity(opacity) { canvas.style.opacity = String(opacity); },
    destroy() { element.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered); canvas.remove(); },
  };
}
