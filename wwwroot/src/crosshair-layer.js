// Linked crosshairs: in each view, the lines where the other two planes cut it, through the
// crosshair voxel (i, j, k); axial red, coronal green, sagittal yellow in every view (OHIF's
// habit of one colour per plane). An SVG over the viewport, redrawn on every render.

import { Enums } from '@cornerstonejs/core';
import { planeDims, pixelToVoxel, voxelToPixel } from './plane.js';

export const PLANE_COLOURS = Object.freeze({ axial: '#ff5252', coronal: '#4caf50', sagittal: '#ffd54f' });
const NS = 'http://www.w3.org/2000/svg';

/**
 * element, viewport: the view's. orientation: the view's. cross() → [i, j, k] or null (hidden).
 * slice() → the slice on screen.
 */
export function createCrosshairLayer({ element, viewport, geometry, dims, orientation, cross, slice }) {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'ws-crosshair');
  svg.dataset.testid = `crosshair-${orientation}`;
  element.append(svg);
  const others = ['axial', 'coronal', 'sagittal'].filter((o) => o !== orientation);

  function render() {
    svg.replaceChildren();
    const c = cross();
    svg.dataset.cross = c ? c.join(',') : '';
    if (!c) return;
    const s = slice();
    const { width, height } = planeDims(orientation, dims);
    const toCanvas = (col, row) => viewport.worldToCanvas(geometry.indexToWorld(pixelToVoxel(orientation, dims, s, [col, row])));
    for (const o of others) {
      // The other plane is the image column (col fixed) or row (row fixed) through the crosshair.
      const probe = voxelToPixel(orientation, dims, o === 'axial' ? [0, 0, c[2]] : o === 'coronal' ? [0, c[1], 0] : [c[0], 0, 0]);
      const vertical = (o === 'sagittal') || (o === 'coronal' && orientation === 'sagittal');
      const [a, b] = vertical ? [toCanvas(probe.col, -0.5), toCanvas(probe.col, height - 0.5)] : [toCanvas(-0.5, probe.row), toCanvas(width - 0.5, probe.row)];
      if (![...a, ...b].every(Number.isFinite)) continue;
      const line = document.createElementNS(NS, 'line');
      line.setAttribute('x1', a[0]); line.setAttribute('y1', a[1]); line.setAttribute('x2', b[0]); line.setAttribute('y2', b[1]);
      line.setAttribute('stroke', PLANE_COLOURS[o]); line.setAttribute('stroke-width', '1'); line.setAttribute('stroke-opacity', '0.8');
      line.dataset.plane = o;
      svg.append(line);
    }
  }

  const onRendered = () => render();
  element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
  return { render, destroy() { element.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered); svg.remove(); } };
}
