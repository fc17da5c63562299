// The open suggestion on screen: its mask (decoded with mask-rle.js) as a translucent fill in the
// class colour with a dashed black-and-white outline — "suggested, not saved", unlike a saved
// label's plain fill — and the object's prompt: the box dashed, positive clicks as green discs
// with a plus, negative ones red with a minus, scribbles as lines (grey: "not this object").
// One canvas over the viewport, above the composed label map, redrawn on every render so it
// stays in register with the camera. data-testid "suggest-layer": data-voxels (set voxels of the
// mask shown), data-slice, data-points, data-box ("1" when the prompt has a box).

import { clearLayer } from './page-layer.js';
import { rgbOf } from './mask-overlay.js';
import { outlineSegments, countSet } from './mask-outline.js';

/** Alpha of the suggested fill (a saved label's is 0.45: the suggestion reads lighter). */
export const SUGGEST_ALPHA = 0.35;
const POSITIVE = '#3ddc84', NEGATIVE = '#ff5252', NOT_THIS = '#c0c4cc';

/**
 * element: the viewport element. toCanvas([i, j]) → canvas px of index (i, j) on the slice shown.
 * Returns { show(suggestion), preview(shape), clear(), render(), destroy() } where suggestion =
 * { slice, colour, mask: Uint8Array | null, width, height, prompt: { box, points, scribbles }, classId }.
 */
export function createSuggestOverlay({ element, toCanvas, slice, testid = 'suggest-layer' }) {
  const canvas = document.createElement('canvas');
  canvas.className = 'ws-suggest-layer';
  canvas.dataset.testid = testid;
  const svgLayer = element.querySelector('svg.svg-layer');
  if (svgLayer) svgLayer.before(canvas); else element.append(canvas);
  const ctx = canvas.getContext('2d');
  let current = null; // what show() was given, plus its bitmap and outline
  let rubber = null; // { box } or { scribble } while a drag is under way (index space)

  function bitmapOf(mask, width, height, colour) {
    const bitmap = document.createElement('canvas');
    bitmap.width = width; bitmap.height = height;
    const image = new ImageData(width, height);
    const [r, g, b] = rgbOf(colour);
    const a = Math.round(SUGGEST_ALPHA * 255);
    for (let v = 0; v < mask.length; v++) {
      if (!mask[v]) continue;
      image.data[4 * v] = r; image.data[4 * v + 1] = g; image.data[4 * v + 2] = b; image.data[4 * v + 3] = a;
    }
    bitmap.getContext('2d').putImageData(image, 0, 0);
    return bitmap;
  }

  function show(suggestion) {
    if (!suggestion) { clear(); return; }
    const same = current && current.mask === suggestion.mask && current.colour === suggestion.colour;
    current = {
      ...suggestion,
      bitmap: same ? current.bitmap : suggestion.mask ? bitmapOf(suggestion.mask, suggestion.width, suggestion.height, suggestion.colour) : null,
      outline: same ? current.outline : suggestion.mask ? outlineSegments(suggestion.mask, suggestion.width, suggestion.height) : [],
      voxels: same ? current.voxels : suggestion.mask ? countSet(suggestion.mask) : 0,
    };
    render();
  }
  function preview(shape) { rubber = shape; render(); }
  function clear() { current = null; rubber = null; render(); }

  function line(points, colour, width, dash = []) {
    if (points.length < 1) return;
    ctx.beginPath();
    points.forEach((p, n) => { const [x, y] = toCanvas(p); if (n) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
    ctx.setLineDash(dash); ctx.strokeStyle = colour; ctx.lineWidth = width; ctx.stroke();
  }
  const boxPath = ({ x0, y0, x1, y1 }) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

  function disc([i, j], positive) {
    const [x, y] = toCanvas([i, j]);
    ctx.setLineDash([]);
    ctx.beginPath(); ctx.arc(x, y, 7, 0, 2 * Math.PI);
    ctx.fillStyle = positive ? POSITIVE : NEGATIVE; ctx.fill();
    ctx.lineWidth = 2; ctx.strokeStyle = 'rgba(0,0,0,0.75)'; ctx.stroke();
    ctx.beginPath(); ctx.moveTo(x - 4, y); ctx.lineTo(x + 4, y);
    if (positive) { ctx.moveTo(x, y - 4); ctx.lineTo(x, y + 4); }
    ctx.lineWidth = 2; ctx.strokeStyle = '#000'; ctx.stroke();
  }

  function render() {
    const { dpr } = clearLayer(canvas, ctx, element);
    const k = slice();
    const here = current && current.slice === k ? current : null;
    canvas.dataset.slice = String(k);
    canvas.dataset.voxels = String(here?.voxels ?? 0);
    canvas.dataset.points = String(here?.prompt?.points?.length ?? 0);
    canvas.dataset.box = here?.prompt?.box ? '1' : '0';
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (here?.bitmap) {
      const o = toCanvas([0, 0]), ex = toCanvas([1, 0]), ey = toCanvas([0, 1]);
      const a = ex[0] - o[0], b = ex[1] - o[1], c = ey[0] - o[0], d = ey[1] - o[1];
      if ([a, b, c, d].every(Number.isFinite)) {
        ctx.save();
        ctx.setTransform(dpr * a, dpr * b, dpr * c, dpr * d, dpr * (o[0] - (a + c) / 2), dpr * (o[1] - (b + d) / 2));
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(here.bitmap, 0, 0);
        ctx.restore();
      }
      // The outline: white dashes over a dark line, readable on any image.
      ctx.beginPath();
      for (const [x0, y0, x1, y1] of here.outline) {
        const p = toCanvas([x0, y0]), q = toCanvas([x1, y1]);
        ctx.moveTo(p[0], p[1]); ctx.lineTo(q[0], q[1]);
      }
      ctx.lineWidth = 2.5; ctx.setLineDash([]); ctx.strokeStyle = 'rgba(0,0,0,0.8)'; ctx.stroke();
      ctx.lineWidth = 1.5; ctx.setLineDash([5, 4]); ctx.strokeStyle = '#ffffff'; ctx.stroke();
    }
    const prompt = here?.prompt;
    if (prompt?.box) line(boxPath(prompt.box), here.colour, 1.5, [6, 4]);
    for (const s of prompt?.scribbles ?? []) line(s.points, s.classId === here.classId ? here.colour : NOT_THIS, 3);
    for (const p of prompt?.points ?? []) disc([p.x, p.y], p.positive);
    if (rubber?.box) line(boxPath(rubber.box), rubber.colour ?? '#ffffff', 1.5, [6, 4]);
    if (rubber?.scribble) line(rubber.scribble, NOT_THIS, 3);
    ctx.setLineDash([]);
  }

  const onRendered = () => render();
  element.addEventListener('CORNERSTONE_IMAGE_RENDERED', onRendered);
  return {
    show, preview, clear, render,
    /** Set voxels of the mask shown (0: none). */
    get voxels() { return current?.voxels ?? 0; },
    destroy() { element.removeEventListener('CORNERSTONE_IMAGE_RENDERED', onRendered); canvas.remove(); },
  };
}
