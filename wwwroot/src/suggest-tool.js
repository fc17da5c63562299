// The Suggest tool in the workspace: prompts from the pointer (drag: a box; click: a positive
// point; Shift+click: a negative point; Shift+drag: a "not this object" scribble), each sent with
// the object's whole prompt to the hub's Suggest (suggest-session.js sequences them), the answer
// drawn over the image (suggest-overlay.js), the panel (suggest-panel.js, suggest-status.js), and
// the actions: accept (a mask command through the workspace's outbox), reject (RejectSuggestion,
// best effort), new object, take back the last prompt. The workspace hands presses over only
// while the tool is on; right-drag (window/level), the wheel and Ctrl stay Cornerstone's.
// Every view works: on a coronal or sagittal view the prompt is in that image's pixels (as the
// server cuts it: the highest k on the top row) with its `orientation`, and an accepted mask is
// stored on its plane (`plane`, rows un-flipped to k ascending: plane-labels.js imageRowsToPlane).

import { maskCommand } from './commands.js';
import { validateCommand } from './validation.js';
import { decodeMask, encodeMask } from './mask-rle.js';
import { imageRowsToPlane } from './plane-labels.js';
import { pixelToVoxel, planeDims, voxelToPixel } from './plane.js';
import { createSuggestOverlay } from './suggest-overlay.js';
import { createSuggestPanel } from './suggest-panel.js';
import { SuggestSession } from './suggest-session.js';
import { panelLines, SliceReadiness } from './suggest-status.js';

/** Screen distance (px) under which a press and release is a click, not a drag. */
const CLICK_SLOP_PX = 3;
export const OFFLINE = 'Suggestions need the connection.';
export const NOT_ALLOWED = 'Suggestions become full-mask labels, and this project does not allow masks. A project manager can allow them.';

const round2 = (v) => Math.round(v * 100) / 100;
const clampTo = (v, n) => Math.min(n - 0.5, Math.max(-0.5, v));

/**
 * stage: the element around the viewports (presses are taken there, in the capture phase).
 * vpEl: the axial viewport element. viewer: { viewport, slice }, the axial one. geometry: index ↔ world. dims: {nx, ny, nz}.
 * viewAt(node) → the orientation of the view whose viewport holds node, or null; viewerOf(o) → that view's viewer.
 * hub: the workspace's hub (suggest, rejectSuggestion, getSuggestionStatus, onEmbeddingsReady).
 * allowed: the project allows masks. active() → the tool is on. classId() → the class picked.
 * schema: the project's classes and kinds (validation.js), so a label the server would refuse is refused here.
 * colourOf(classId). side: the side panel. say(text). activeMs() → the label's active time.
 * onAccept(command): the mask command to save (draw, record for undo, send through the outbox).
 */
export function createSuggestTool({ stage, vpEl, viewer, geometry, dims, schema = null, itemId, hub, allowed, active, classId, colourOf, side, say, activeMs, onAccept,
  viewAt = (node) => (vpEl.contains(node) ? 'axial' : null), viewerOf = (o) => (o === 'axial' ? viewer : null) }) {
  const session = new SuggestSession({ itemId });
  const readiness = new SliceReadiness(itemId);
  const toIndex = (world) => geometry.worldToIndex(world);
  // One overlay per view, made when first prompted there; prompts and masks are in that image's pixels (col, row).
  const overlays = {};
  function overlayOf(o) {
    if (overlays[o]) return overlays[o];
    const v = viewerOf(o);
    if (!v) return null;
    const toCanvas = ([c, r]) => v.viewport.worldToCanvas(geometry.indexToWorld(pixelToVoxel(o, dims, v.slice, [c, r])));
    overlays[o] = createSuggestOverlay({ element: o === 'axial' ? vpEl : v.element, toCanvas, slice: () => v.slice, testid: o === 'axial' ? 'suggest-layer' : `suggest-layer-${o}` });
    return overlays[o];
  }
  overlayOf('axial');
  const overlay = { get voxels() { return overlays[session.orientation]?.voxels ?? 0; } };
  const panel = createSuggestPanel({ container: side, on: { accept, reject, new: newObject, undo: undoLast } });
  const online = () => hub.connected !== false;
  let decoded = null; // { reply, mask } of the answer shown

  function maskShown() {
    const s = session.shown;
    if (!s) return null;
    if (decoded?.reply !== s) {
      try { decoded = { reply: s, mask: decodeMask(s.mask.counts, s.mask.width, s.mask.height) }; } catch (err) { decoded = { reply: s, mask: null, error: err.message }; }
    }
    return decoded.mask;
  }

  function render() {
    const o = session.object;
    const mask = maskShown();
    for (const [orientation, layer] of Object.entries(overlays)) if (orientation !== session.orientation) layer.show(null);
    overlayOf(session.orientation)?.show(o ? { slice: o.slice, classId: o.classId, colour: colourOf(o.classId), prompt: o.prompt, mask, width: session.shown?.mask.width, height: session.shown?.mask.height } : null);
    const lines = panelLines({ online: online(), allowed, readiness, slice: viewer.slice, shown: session.shown, error: session.error ?? decoded?.error ?? null, waiting: session.waiting });
    panel.update(lines, { accept: !!mask, reject: session.open, new: session.open, undo: session.steps > 0 });
    panel.setVisible(active() || session.open);
  }

  async function send(request) {
    render();
    if (!online()) { session.fail(request.requestId, OFFLINE); render(); return; }
    if (typeof hub.suggest !== 'function') { session.fail(request.requestId, 'This server does not offer suggestions.'); render(); return; }
    try {
      session.receive(await hub.suggest(request));
    } catch (err) {
      session.fail(request.requestId, online() ? `The suggestion failed: ${String(err?.message ?? err).replace(/^.*HubException: /, '')}` : OFFLINE);
    }
    render();
  }

  // ---- prompts from the pointer -------------------------------------------------------
  let press = null; // { o, x, y, shift, index: [col, row], path: [[col, row], …], dragging }
  /** Pixel (col, row) of the image of view o under the pointer (axial: i, j). */
  const indexAt = (e, o = press?.o ?? 'axial') => {
    const v = viewerOf(o);
    const r = v.element.getBoundingClientRect();
    const { col, row } = voxelToPixel(o, dims, toIndex(v.viewport.canvasToWorld([e.clientX - r.left, e.clientY - r.top])));
    return [round2(col), round2(row)];
  };
  const sizeOf = (o = session.orientation) => planeDims(o, dims);
  const inside = ([c, r]) => { const { width, height } = sizeOf(); return c >= -0.5 && r >= -0.5 && c <= width - 0.5 && r <= height - 0.5; };
  const boxOf = (a, b) => { const { width, height } = sizeOf(); return { x0: clampTo(Math.min(a[0], b[0]), width), y0: clampTo(Math.min(a[1], b[1]), height), x1: clampTo(Math.max(a[0], b[0]), width), y1: clampTo(Math.max(a[1], b[1]), height) }; };

  const onDown = (e) => {
    if (!active() || e.button !== 0 || e.ctrlKey || e.metaKey || e.altKey || e.pointerType === 'touch') return;
    const o = viewAt(e.target);
    if (!o || !viewerOf(o)) return;
    e.preventDefault(); e.stopPropagation();
    viewerOf(o).element.focus({ preventScroll: true });
    if (!allowed) { say(NOT_ALLOWED); return; }
    if (!classId()) { say('A suggestion needs a foreground class: pick one first.'); return; }
    // A prompt on another view starts a new object there (the open one is thrown away).
    if (o !== session.orientation) { reject(); session.setOrientation(o); }
    const index = indexAt(e, o);
    press = { o, x: e.clientX, y: e.clientY, shift: e.shiftKey, index, path: [index], dragging: false };
    window.addEventListener('pointermove', onMove, true);
    window.addEventListener('pointerup', onUp, true);
  };
  const onMove = (e) => {
    if (!press) return;
    if (!press.dragging && Math.hypot(e.clientX - press.x, e.clientY - press.y) <= CLICK_SLOP_PX) return;
    press.dragging = true;
    const index = indexAt(e);
    const layer = overlayOf(press.o);
    if (press.shift) { press.path.push(index); layer.preview({ scribble: press.path }); } else layer.preview({ box: boxOf(press.index, index), colour: colourOf(classId()) });
  };
  const onUp = (e) => {
    window.removeEventListener('pointermove', onMove, true);
    window.removeEventListener('pointerup', onUp, true);
    const p = press; press = null;
    if (!p) return;
    overlayOf(p.o).preview(null);
    const k = viewerOf(p.o).slice, c = classId();
    if (!p.dragging) {
      if (!inside(p.index)) { say('Click on the image.'); return; }
      send(session.addPoint(k, c, { x: p.index[0], y: p.index[1], positive: !p.shift }));
      return;
    }
    if (p.shift) {
      const points = p.path.filter(inside);
      if (points.length >= 2) send(session.addScribble(k, c, { points, width: 3, classId: 0 }));
      return;
    }
    const box = boxOf(p.index, indexAt(e, p.o));
    if (box.x1 - box.x0 < 1 || box.y1 - box.y0 < 1) { say('The box is smaller than one voxel.'); return; }
    send(session.addBox(k, c, box));
  };
  stage.addEventListener('pointerdown', onDown, true);

  // ---- actions ------------------------------------------------------------------------
  function accept() {
    if (!maskShown()) { say(session.waiting ? 'The suggestion is still on its way.' : 'Nothing to accept: give a prompt first.'); return; }
    const made = (a) => maskCommand({ itemId, classId: a.classId, slice: a.slice, mask: onItsPlane(a), provenance: a.provenance, activeMs: 0, plane: a.orientation });
    const reason = validateCommand(made(session.acceptance()), dims, schema);
    if (reason) { say(reason); return; } // the suggestion stays open: the annotator may refine or reject it
    const command = { ...made(session.accept()), activeMs: Math.max(0, Math.round(activeMs())) };
    decoded = null;
    onAccept(command);
    render();
  }
  /** The accepted mask as stored: axial as answered; a reformat's rows un-flipped (row y = k ascending). */
  function onItsPlane(a) {
    if (a.orientation === 'axial') return a.mask;
    const { width, height } = a.mask;
    return { width, height, counts: encodeMask(imageRowsToPlane(decodeMask(a.mask.counts, width, height), width, height)) };
  }
  function reject() {
    const r = session.reject();
    decoded = null;
    if (r && typeof hub.rejectSuggestion === 'function') {
      // Best effort: the annotator never waits for it, and a failure changes nothing they see.
      Promise.resolve().then(() => hub.rejectSuggestion(r.suggestionId, r.objectId, itemId)).catch((err) => console.info('weakseg: RejectSuggestion', err?.message ?? err));
    }
    render();
  }
  function newObject() { reject(); }
  function undoLast() {
    const request = session.undoLast();
    if (request) send(request); else { decoded = null; render(); }
  }

  // ---- readiness ----------------------------------------------------------------------
  // The slice on screen, told to the server (ViewSlice) once scrolling rests, so that the embeddings
  // around it are computed before the first click (engines that need them; projects that allow masks).
  let viewTimer = null, viewed = null;
  function viewSlice(k, { now = false } = {}) {
    clearTimeout(viewTimer);
    if (!allowed || typeof hub.viewSlice !== 'function') return;
    const tell = () => {
      if (!online() || viewed === k) return;
      viewed = k;
      Promise.resolve().then(() => hub.viewSlice(itemId, 'axial', k)).catch((err) => { viewed = null; console.info('weakseg: ViewSlice', err?.message ?? err); });
    };
    if (now) tell(); else viewTimer = setTimeout(tell, 250);
  }

  async function refresh() {
    viewed = null;
    viewSlice(viewer.slice, { now: true });
    if (online() && typeof hub.getSuggestionStatus === 'function') {
      try { readiness.setStatus(await hub.getSuggestionStatus(itemId)); } catch (err) { console.info('weakseg: GetSuggestionStatus', err?.message ?? err); }
    }
    render();
  }
  const offReady = typeof hub.onEmbeddingsReady === 'function' ? hub.onEmbeddingsReady((event) => { if (readiness.embeddingsReady(event)) render(); }) : null;

  return {
    session, readiness,
    /** Shortcuts, ahead of the workspace's own: each acts only while its when() holds. */
    bindings: [
      { keys: ['Enter'], label: 'Suggestion: accept (it becomes your label)', group: 'Suggest', when: () => session.open, run: accept },
      { keys: ['Escape'], label: 'Suggestion: reject', group: 'Suggest', when: () => session.open, run: reject },
      { keys: ['N'], label: 'Suggestion: new object', group: 'Suggest', when: () => active(), run: newObject },
      { keys: ['Backspace', 'Ctrl+Z'], label: 'Suggestion: take back the last prompt', group: 'Suggest', when: () => session.steps > 0, run: undoLast },
    ],
    accept, reject, newObject, undoLast, refresh, render,
    /** The slice on screen changed: an object left behind on another slice is thrown away. */
    sliceChanged(k) { viewSlice(k); if (session.orientation === 'axial' && session.slice !== null && session.slice !== k) reject(); else render(); },
    /** The annotator picked another class: the open object takes it. */
    classChanged(c) { session.setClass(c); render(); },
    /** The tool was switched on or off; switching it off throws the open object away. */
    activeChanged(on) { if (!on && session.open) reject(); vpEl.classList.toggle('ws-suggesting', !!on); render(); },
    /** For tests: the object, what is shown, the panel's state. */
    debug: () => ({ object: session.object && { ...session.object, orientation: session.orientation }, shown: session.shown && { ...session.shown, mask: undefined }, error: session.error, waiting: session.waiting, voxels: overlay.voxels, ready: readiness.isReady(viewer.slice), engine: readiness.engine, provider: readiness.provider }),
    destroy() {
      clearTimeout(viewTimer);
      stage.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
      offReady?.();
      Object.values(overlays).forEach((layer) => layer.destroy()); panel.destroy();
    },
  };
}
