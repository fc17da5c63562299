// Polygon by clicks (CVAT / OHIF style): each click places a vertex and a rubber-band edge
// follows the pointer; a click near the first vertex, a double-click or Enter closes the
// outline, Backspace takes back the last vertex, Escape drops it all. The vertex bookkeeping
// (ClickPolygon) is plain logic; createClickPolygonView draws it over the viewport.

/** Screen distance (px) within which a click on the first vertex closes the polygon. */
export const CLOSE_RADIUS_PX = 8;
/** A click this close (px) to the last vertex adds nothing (a double-click's second press). */
export const SAME_POINT_PX = 2;

/**
 * Vertices of a polygon being clicked, in world coordinates. toCanvas(world) → [x, y] px is
 * passed per call, so the closing rule holds at any zoom.
 */
export class ClickPolygon {
  #vertices = [];
  constructor({ closeRadiusPx = CLOSE_RADIUS_PX, samePointPx = SAME_POINT_PX } = {}) {
    this.closeRadiusPx = closeRadiusPx; this.samePointPx = samePointPx;
  }

  get active() { return this.#vertices.length > 0; }
  get vertices() { return this.#vertices.map((p) => [...p]); }
  /** Enough vertices to close (three). */
  get closable() { return this.#vertices.length >= 3; }

  /**
   * A click at `world`. Returns 'closed' (near the first vertex with three or more placed; the
   * caller takes the outline with close()), 'ignored' (on the last vertex) or 'added'.
   */
  click(world, toCanvas) {
    const n = this.#vertices.length;
    if (n) {
      const at = toCanvas(world);
      const dist = (p) => { const c = toCanvas(p); return Math.hypot(c[0] - at[0], c[1] - at[1]); };
      if (n >= 3 && dist(this.#vertices[0]) <= this.closeRadiusPx) return 'closed';
      if (dist(this.#vertices[n - 1]) <= this.samePointPx) return 'ignored';
    }
    this.#vertices.push([...world]);
    return 'added';
  }

  /** Removes the last vertex; false when there was none. */
  removeLast() { return this.#vertices.pop() !== undefined; }

  /** The finished outline (world points, not repeating the first) and a fresh start; null while fewer than three. */
  close() {
    if (!this.closable) return null;
    const out = this.vertices;
    this.#vertices = [];
    return out;
  }

  cancel() { const had = this.active; this.#vertices = []; return had; }
}

/**
 * Draws the vertices, the edges between them, the rubber-band edge to the pointer and a ring
 * around the first vertex (highlighted when a click there would close) in an SVG over the
 * viewport `host`. toCanvas(world) → [x, y] px. Returns { render(pointer?), destroy() }.
 */
export function createClickPolygonView({ host, polygon, toCanvas, colour = () => '#ffd54f' }) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'ws-click-polygon');
  svg.dataset.testid = 'click-polygon';
  const edges = document.createElementNS(NS, 'polyline');
  const band = document.createElementNS(NS, 'line');
  const ring = document.createElementNS(NS, 'circle');
  const dots = document.createElementNS(NS, 'g');
  edges.setAttribute('fill', 'none'); band.setAttribute('stroke-dasharray', '4 3');
  ring.setAttribute('r', String(CLOSE_RADIUS_PX)); ring.setAttribute('fill', 'none');
  svg.append(edges, band, ring, dots);
  host.append(svg);
  let pointer = null;

  function render(nextPointer) {
    if (nextPointer !== undefined) pointer = nextPointer;
    const pts = polygon.vertices.map(toCanvas);
    svg.style.display = pts.length ? '' : 'none';
    svg.dataset.vertices = String(pts.length);
    if (!pts.length) return;
    const c = colour();
    edges.setAttribute('points', pts.map((p) => p.join(',')).join(' '));
    edges.setAttribute('stroke', c);
    const last = pts[pts.length - 1];
    const to = pointer ?? last;
    band.setAttribute('x1', last[0]); band.setAttribute('y1', last[1]);
    band.setAttribute('x2', to[0]); band.setAttribute('y2', to[1]);
    band.setAttribute('stroke', c);
    const nearFirst = pointer && polygon.closable && Math.hypot(pointer[0] - pts[0][0], pointer[1] - pts[0][1]) <= CLOSE_RADIUS_PX;
    ring.setAttribute('cx', pts[0][0]); ring.setAttribute('cy', pts[0][1]);
    ring.setAttribute('stroke', nearFirst ? '#ffffff' : c);
    ring.setAttribute('stroke-width', nearFirst ? '2.5' : '1');
    dots.replaceChildren(...pts.map(([x, y]) => {
      const d = document.createElementNS(NS, 'circle');
      d.setAttribute('cx', x); d.setAttribute('cy', y); d.setAttribute('r', '3'); d.setAttribute('fill', c);
      return d;
    }));
  }
  render();
  return { render, destroy: () => svg.remove() };
}
