// What the stored labels mark on one view's image: a canvas over its viewport, in register with
// its camera, redrawn on every render (plane-labels.js). On a coronal or sagittal image: each axial
// label's voxels on the image's line through its slice are filled in the class colour (an axial
// box's extent there outlined), the axial composed full masks show per row, and the full masks
// stored on this plane slice (brush, eraser, polygon, accepted masks with `plane`) fill as in the
// axial view. On every view, labels stored on another reformat plane are traced where that plane
// cuts the image: a box's extent outlined, its plane's composed full masks filled.

import { Enums } from '@cornerstonejs/core';
import { clearLayer } from './page-layer.js';
import { pixelToVoxel } from './plane.js';
import { maskRow, planeMapRects, planeMapTrace, planeTrace, traceOn } from './plane-labels.js';
import { FILL_ALPHA } from './mask-overlay.js';

const FULL_MASK = new Set(['polygon', 'brush', 'mask']);

/**
 * element, viewport: the reformat's. orientation: 'coronal' | 'sagittal'. slice() → index on
 * screen. labels() → the current commands (hidden ones left out). maskAt(k) → the composed
 * full-mask map of axial slice k (Uint8Array nx·ny) or null. planeMapAt(plane, s) → the composed
 * full masks of slice s of a reformat plane (planeMapDims) or null. colourOf(classId).
 */
export function createTraceLayer({ element, viewport, geometry, dims, orientation, slice, labels, maskAt, planeMapAt = () => null, colourOf }) {
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
    const planeSlices = new Set(); // 'plane:slice' of full masks stored on a reformat plane
    const rect = (r, colour, outline) => {
      spans++;
      if (outline) {
        ctx.strokeStyle = colour; ctx.lineWidth = 2 / Math.max(1e-6, dpr * Math.hypot(c, d));
        ctx.strokeRect(r.c0, r.r0, r.c1 - r.c0, r.r1 - r.r0);
      } else {
        ctx.fillStyle = colour;
        ctx.fillRect(r.c0, r.r0, r.c1 - r.c0, r.r1 - r.r0);
      }
    };
    for (const command of commands) {
      const plane = command.plane ?? 'axial';
      if (plane !== 'axial') {
        if (FULL_MASK.has(command.kind)) planeSlices.add(`${plane}:${command.slice}`);
        else for (const r of planeTrace(orientation, dims, s, command)) rect(r, colourOf(command.classId), true);
        continue;
      }
      if (orientation === 'axial') continue; // the axial view draws its own labels
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
    for (const key of planeSlices) {
      const [plane, at] = key.split(':');
      const map = planeMapAt(plane, Number(at));
      if (!map) continue;
      if (plane === orientation) {
        if (Number(at) !== s) continue;
        ctx.globalAlpha = FILL_ALPHA; // this plane slice's own full masks, as the axial view shows its own
        for (const r of planeMapRects(plane, dims, map)) rect(r, colourOf(r.classId), false);
      } else {
        ctx.globalAlpha = FILL_ALPHA * 2;
        for (const r of planeMapTrace(orientation, dims, s, plane, Number(at), map)) rect(r, colourOf(r.classId), false);
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
