// The QA viewer's shapes (pure, no DOM): which annotators' labels lie on a slice, and how one
// is drawn on a 2D context whose transform maps voxel index space to the canvas. A click keeps a
// fixed size on screen; boxes and outlines keep a fixed line width; scribbles and brush strokes
// are as wide as drawn, in voxels; an accepted mask fills its set voxels (run-length code, mask-rle.js).

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
 * Returns whether the kind is one it draws.
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
      return true;
    }
    case 'point': {
      const r = POINT_RADIUS_PX * px;
      ctx.beginPath(); ctx.arc(p[0], p[1], r, 0, 2 * Math.PI);
      if (shape.positive) { ctx.fill(); } else { ctx.lineWidth = 2 * px; ctx.stroke(); ctx.beginPath(); ctx.moveTo(p[0] - r, p[1]); ctx.lineTo(p[0] + r, p[1]); ctx.stroke(); }
      return true;
    }
    case 'polygon': {
      path(ctx, p); ctx.closePath();
      ctx.globalAlpha = 0.35; ctx.fill(); ctx.globalAlpha = 1;
      ctx.lineWidth = 1.5 * px; ctx.stroke();
      return true;
    }
    case 'mask': { // voxel (i, j) covers [i − ½, i + ½] × [j − ½, j + ½]
      const m = shape.mask;
      if (!m?.counts || !(m.width > 0)) return false;
      ctx.globalAlpha = 0.35;
      let at = 0;
      m.counts.forEach((n, r) => { if (r % 2 === 1) fillRun(ctx, at, n, m.width); at += n; });
      ctx.globalAlpha = 1;
      return true;
    }
    case 'scribble':
    case 'brush': { // an eraser stroke dashed
      path(ctx, p);
      ctx.lineWidth = Math.max(shape.width ?? 1, 1.5 * px);
      if (shape.erase) ctx.setLineDash([4 * px, 3 * px]);
      ctx.globalAlpha = shape.kind === 'brush' ? 0.5 : 0.9;
      ctx.stroke(); ctx.globalAlpha = 1;
      return true;
    }
    default:
      return false; // a kind this viewer cannot draw (a test holds every label kind to a case here)
  }
}

/** One run of set pixels of a width-wide mask from pixel index `at`, a rectangle per row it spans. */
function fillRun(ctx, at, n, width) {
  while (n > 0) {
    const x = at % width, y = Math.floor(at / width), len = Math.min(n, width - x);
    ctx.fillRect(x - 0.5, y - 0.5, len, 1);
    at += len; n -= len;
  }
}

function path(ctx, p) {
  ctx.beginPath();
  for (let n = 0; n + 1 < p.length; n += 2) (n === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, p[n], p[n + 1]);
}
