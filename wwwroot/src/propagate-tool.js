// Propagation and box interpolation in the workspace (docs/suggestion-protocol.md, "Propagation";
// box-interpolation.js). Propagate (Shift+P) takes the selected box or mask on the slice on
// screen (else the newest one there) and streams suggestions for the neighbouring slices from the
// hub's Propagate, slice by slice, until the object ends; Interpolate (Shift+I) takes the selected
// (or newest) box and the nearest box of its class on another slice of its plane and proposes boxes
// between (on a coronal or sagittal view: boxes of that plane, shown there, accepted with `plane`).
// Proposals (range-proposals.js) are shown on their slice like a suggestion and listed in the
// panel: accept the whole range (Shift+Enter), or accept / reject single slices (Enter / Esc on
// the slice, or the row's buttons); to correct one, reject it and label that slice yourself.
// Accepted proposals go through the workspace's outbox as labels with provenance "propagated" or
// "interpolated". On a coronal or sagittal view (three views side by side, or that one alone) the
// selected or newest box or mask stored on that plane's slice on screen propagates along that
// plane: the request names its orientation, proposals are shown on that view, and accepted ones
// are masks with `plane` (plane-propagation.js turns rows between image and stored form).
// data-testid: propagate-panel (data-state idle | running | open | done),
// propagate-run, interpolate-run, propagate-summary, propagate-stops, propagate-error,
// propagate-accept-all, propagate-reject-all, propagate-row (data-slice, data-state).

import { boxCommand, maskCommand, uuid } from './commands.js';
import { interpolateBoxes, interpolationPartner } from './box-interpolation.js';
import { decodeMask } from './mask-rle.js';
import { RangeProposals } from './range-proposals.js';
import { propagationObject, storedMask } from './plane-propagation.js';
import { createSuggestOverlay } from './suggest-overlay.js';
import { pixelToVoxel } from './plane.js';
import { validateCommand } from './validation.js';

/**
 * vpEl, viewer ({ viewport, slice, setSlice }), geometry, dims, schema, itemId, hub, side, say, colourOf,
 * allowedMasks (the project allows masks), allowedBoxes, labels() → the item's label commands in the
 * order made, selected() → the commands selected on the slice on screen, activeMs(),
 * onAccept(command) (draw, record for undo, send through the outbox).
 * viewerOf(o) → the viewer of orientation o (axial: viewer); shownSlices() → { coronal?, sagittal? }
 * the slice each reformat view on screen shows (mpr-views.js).
 */
export function createPropagateTool({ vpEl, viewer, geometry, dims, schema = null, itemId, hub, side, say, colourOf, allowedMasks, allowedBoxes, labels, selected, activeMs, onAccept,
  viewerOf = (o) => (o === 'axial' ? viewer : null), shownSlices = () => ({}) }) {
  // One overlay per view, made when a propagation first runs there; proposals are in that image's pixels (col, row).
  const overlays = {};
  const shownAt = {}; // orientation → the slice rendered last (a reformat's scrolling re-renders the proposals)
  function overlayOf(o) {
    if (overlays[o]) return overlays[o];
    const v = viewerOf(o);
    if (!v) return null;
    const toCanvas = ([c, r]) => v.viewport.worldToCanvas(geometry.indexToWorld(pixelToVoxel(o, dims, v.slice, [c, r])));
    const element = o === 'axial' ? vpEl : v.element;
    overlays[o] = createSuggestOverlay({ element, toCanvas, slice: () => v.slice, testid: o === 'axial' ? 'proposal-layer' : `proposal-layer-${o}` });
    if (o !== 'axial') {
      const onRendered = () => { if (shownAt[o] !== v.slice && orientation() === o) render(); };
      element.addEventListener('CORNERSTONE_IMAGE_RENDERED', onRendered);
      overlays[o].off = () => element.removeEventListener('CORNERSTONE_IMAGE_RENDERED', onRendered);
    }
    return overlays[o];
  }
  overlayOf('axial');
  let proposals = null;
  /** The orientation of the proposals (axial when none), and its viewer. */
  const orientation = () => proposals?.origin.orientation ?? 'axial';
  const view = () => viewerOf(orientation()) ?? viewer;
  const overlay = { get voxels() { return overlays[orientation()]?.voxels ?? 0; } };
  const decoded = new Map(); // slice → Uint8Array

  const section = document.createElement('section');
  section.className = 'ws-suggest ws-propagate';
  section.dataset.testid = 'propagate-panel';
  section.setAttribute('aria-label', 'Propagation');
  section.innerHTML = `<h2 class="ws-panel-title">Across slices</h2>
    <div class="ws-suggest-actions">
      <button type="button" class="ws-suggest-btn" data-testid="propagate-run" title="Propagate the selected box or mask to the neighbouring slices (Shift+P)"><span>Propagate</span> <kbd>⇧P</kbd></button>
      <button type="button" class="ws-suggest-btn" data-testid="interpolate-run" title="Boxes between the selected box and the nearest box of its class (Shift+I)"><span>Interpolate boxes</span> <kbd>⇧I</kbd></button>
    </div>
    <p class="ws-suggest-answer" data-testid="propagate-summary" role="status" aria-live="polite" hidden></p>
    <p class="ws-dim" data-testid="propagate-stops" hidden></p>
    <p class="ws-suggest-error" data-testid="propagate-error" role="alert" hidden></p>
    <ol class="ws-propagate-rows" data-testid="propagate-rows"></ol>
    <div class="ws-suggest-actions" data-testid="propagate-decide" hidden>
      <button type="button" class="ws-suggest-btn" data-testid="propagate-accept-all" title="Accept every open slice (Shift+Enter)"><span>Accept all</span> <kbd>⇧↵</kbd></button>
      <button type="button" class="ws-suggest-btn" data-testid="propagate-reject-all" title="Reject every open slice"><span>Reject all</span></button>
    </div>`;
  const q = (id) => section.querySelector(`[data-testid="${id}"]`);
  q('propagate-run').addEventListener('click', () => propagate());
  q('interpolate-run').addEventListener('click', () => interpolate());
  q('propagate-accept-all').addEventListener('click', () => acceptAll());
  q('propagate-reject-all').addEventListener('click', () => rejectAll());
  q('propagate-rows').addEventListener('click', (e) => {
    const row = e.target.closest('[data-slice]');
    if (!row) return;
    const k = Number(row.dataset.slice);
    const act = e.target.closest('button')?.dataset.act;
    if (act === 'accept') acceptSlice(k); else if (act === 'reject') rejectSlice(k); else view().setSlice(k);
  });
  side.prepend(section);

  /** The label to start from: a selected box or mask on a slice on screen (axial, or a reformat view's for a label on its plane), else the newest one there. */
  function sourceOf(kinds, planes = ['axial', 'coronal', 'sagittal']) {
    const shown = { ...shownSlices(), axial: viewer.slice };
    const fits = (c) => kinds.includes(c.kind) && planes.includes(c.plane ?? 'axial') && c.slice === shown[c.plane ?? 'axial'] && c.classId > 0;
    return selected().find(fits) ?? [...labels()].reverse().find(fits) ?? null;
  }

  function maskOf(slice) {
    const p = proposals?.on(slice);
    if (!p || p.kind !== 'mask') return null;
    if (!decoded.has(slice)) { try { decoded.set(slice, decodeMask(p.mask.counts, p.mask.width, p.mask.height)); } catch { decoded.set(slice, null); } }
    return decoded.get(slice);
  }

  function render() {
    const o = orientation();
    const k = view().slice;
    shownAt[o] = k;
    const p = proposals?.on(k);
    for (const [other, layer] of Object.entries(overlays)) if (other !== o) layer.show(null);
    const layer = overlayOf(o) ?? overlays.axial;
    if (p && p.state === 'open') {
      layer.show({ slice: k, classId: proposals.classId, colour: colourOf(proposals.classId), prompt: { box: p.kind === 'box' ? propagationObject({ kind: 'box', plane: o, slice: k, box: p.box }, dims).box : null, points: [], scribbles: [] }, mask: maskOf(k), width: p.mask?.width, height: p.mask?.height });
    } else layer.show(null);
    const show = (id, text) => { const el = q(id); el.textContent = text ?? ''; el.hidden = !text; };
    section.dataset.state = !proposals ? 'idle' : proposals.running ? 'running' : proposals.open.length ? 'open' : 'done';
    show('propagate-summary', proposals?.summary());
    const where = o === 'axial' ? 'slice' : `${o} slice`;
    show('propagate-stops', proposals?.stops.length ? proposals.stops.map((s) => `Stopped at ${where} ${s.slice + 1}: ${s.reason}`).join(' ') : null);
    show('propagate-error', proposals?.error);
    const rows = q('propagate-rows');
    rows.replaceChildren(...(proposals?.all ?? []).map((x) => {
      const li = document.createElement('li');
      li.dataset.testid = 'propagate-row'; li.dataset.slice = String(x.slice); li.dataset.state = x.state;
      li.className = `ws-propagate-row${x.slice === k ? ' ws-current' : ''}`;
      li.innerHTML = `<span class="ws-propagate-slice"></span> <span class="ws-dim"></span>
        <button type="button" data-act="accept" title="Accept this slice (Enter on it)">✓</button><button type="button" data-act="reject" title="Reject this slice (Esc on it)">✕</button>`;
      li.children[0].textContent = `${o === 'axial' ? 'Slice' : `${o[0].toUpperCase()}${o.slice(1)} slice`} ${x.slice + 1}`;
      li.children[1].textContent = x.state;
      for (const b of li.querySelectorAll('button')) b.disabled = x.state !== 'open';
      return li;
    }));
    q('propagate-decide').hidden = !proposals?.open.length;
  }

  function start(origin) {
    if (proposals?.open.length) proposals.rejectAll();
    proposals = new RangeProposals(origin);
    decoded.clear();
  }

  async function propagate() {
    if (!allowedMasks) { say('Propagation proposes masks, and this project does not allow masks.'); return; }
    const source = sourceOf(['box', 'mask']);
    if (!source) { say('Propagate needs a box or a mask on this slice: draw or select one first.'); return; }
    if (hub.connected === false || typeof hub.propagate !== 'function') { say('Propagation needs the connection.'); return; }
    const requestId = uuid();
    const object = propagationObject(source, dims); // { orientation, slice, box | mask } in the image pixels of the label's plane
    if (!viewerOf(object.orientation)) { say(`Show the ${object.orientation} view to propagate there.`); return; }
    start({ kind: 'propagation', classId: source.classId, slice: source.slice, requestId, orientation: object.orientation });
    render();
    const request = { requestId, objectId: uuid(), itemId, classId: source.classId, engine: null, direction: 'both', ...object };
    const mine = proposals;
    try {
      await hub.propagate(request, (message) => { if (mine === proposals && mine.receive(message) !== 'stale') render(); });
      mine.finish();
    } catch (err) {
      mine.finish(`Propagation failed: ${String(err?.message ?? err).replace(/^.*HubException: /, '')}`);
    }
    if (mine === proposals) render();
  }

  function interpolate() {
    if (!allowedBoxes) { say('This project does not allow boxes.'); return; }
    const source = sourceOf(['box']);
    if (!source) { say('Interpolate needs a box on this slice: draw or select one first.'); return; }
    const { partner, boxed } = interpolationPartner(source, labels());
    if (!partner) { say('Draw a second box of this class at least two slices away, then interpolate.'); return; }
    const key = (c) => ({ ...c.box, slice: c.slice, classId: c.classId, plane: c.plane });
    const { boxes, refused } = interpolateBoxes(key(source), key(partner));
    if (refused) { say(refused); return; }
    start({ kind: 'interpolation', classId: source.classId, slice: source.slice, orientation: source.plane ?? 'axial' });
    proposals.addBoxes(boxes.filter((b) => !boxed.has(b.slice)), [source.commandId, partner.commandId]);
    render();
  }

  function commandFor(p) {
    const made = p.kind === 'mask'
      ? maskCommand({ itemId, classId: proposals.classId, slice: p.slice, mask: storedMask(p.mask, orientation()), provenance: p.provenance, activeMs: 0, plane: orientation() })
      : boxCommand({ itemId, classId: proposals.classId, slice: p.slice, box: p.box, provenance: p.provenance, activeMs: 0, plane: orientation() });
    return made;
  }

  function take(p) {
    const command = commandFor(p);
    const reason = validateCommand(command, dims, schema);
    if (reason) { say(`Slice ${p.slice + 1}: ${reason}`); return false; }
    onAccept({ ...command, activeMs: Math.max(0, Math.round(activeMs())) });
    return true;
  }

  function acceptSlice(k) {
    const p = proposals?.on(k);
    if (!p || p.state !== 'open') return;
    const command = commandFor(p);
    const reason = validateCommand(command, dims, schema);
    if (reason) { say(`Slice ${k + 1}: ${reason}`); return; }
    take(proposals.accept(k));
    render();
  }
  function acceptAll() {
    if (!proposals) return;
    let taken = 0;
    for (const p of proposals.open) {
      if (validateCommand(commandFor(p), dims, schema)) { proposals.reject(p.slice); continue; }
      if (take(proposals.accept(p.slice))) taken++;
    }
    say(`${taken} slice${taken === 1 ? '' : 's'} accepted.`);
    render();
  }
  function rejectSlice(k) { if (proposals?.reject(k)) render(); }
  function rejectAll() { proposals?.rejectAll(); render(); }
  const openHere = () => proposals?.on(view().slice)?.state === 'open';

  render();
  return {
    bindings: [
      { keys: ['Shift+P'], label: 'Propagate the selected box or mask to the neighbouring slices', group: 'Across slices', run: () => propagate() },
      { keys: ['Shift+I'], label: 'Interpolate boxes between the selected box and the nearest of its class', group: 'Across slices', run: () => interpolate() },
      { keys: ['Shift+Enter'], label: 'Accept every proposed slice', group: 'Across slices', when: () => !!proposals?.open.length, run: () => acceptAll() },
      { keys: ['Enter'], label: 'Accept the proposal on this slice', group: 'Across slices', when: openHere, run: () => acceptSlice(view().slice) },
      { keys: ['Escape'], label: 'Reject the proposal on this slice', group: 'Across slices', when: openHere, run: () => rejectSlice(view().slice) },
    ],
    propagate, interpolate, acceptAll, rejectAll, acceptSlice, rejectSlice, render,
    sliceChanged() { render(); },
    /** For tests: the proposals and what is shown. */
    debug: () => ({ proposals: proposals ? { origin: proposals.origin, running: proposals.running, error: proposals.error, stops: proposals.stops, all: proposals.all.map((p) => ({ slice: p.slice, kind: p.kind, state: p.state, source: p.provenance.source })) } : null, voxels: overlay.voxels }),
    destroy() { for (const layer of Object.values(overlays)) { layer.off?.(); layer.destroy(); } section.remove(); },
  };
}
