// Entry of the annotator's workspace: `mount(element, options)` builds viewer, toolbar,
// status and tag panel into `element`, loads the annotator's annotations and keeps every
// change flowing through the outbox to the annotation hub.

import { cache, eventTarget as csEvents } from '@cornerstonejs/core';
import { Enums as ToolEnums, utilities as toolUtilities } from '@cornerstonejs/tools';
import { ActiveTimer } from './active-time.js';
import { createAnnotationList, listRows } from './annotation-list.js';
import { annotationToCommand, commandFromView, commandToWorld, deleteCommand, planeCommands, sameLabel, tagCommand, TOOL_KINDS, toolFor, uuid } from './commands.js';
import { createHubClient, hubUrlFor, isOtherUser } from './hub-client.js';
import { imageIdOf, registerItem, unregisterItem } from './image-loader.js';
import { createMaskOverlay } from './mask-overlay.js';
import { createLayoutSwitch } from './mpr-layout.js';
import { createMprViews } from './mpr-views.js';
import { IndexedDbStore, Outbox, outboxDatabaseName } from './outbox.js';
import { explainWait } from './save-state.js';
import { ClickPolygon, createClickPolygonView } from './polygon-clicks.js';
import { createShortcuts } from './shortcuts.js';
import { createSuggestTool, NOT_ALLOWED as SUGGEST_NOT_ALLOWED } from './suggest-tool.js';
import { createPropagateTool } from './propagate-tool.js';
import { createTagPanel, tagKey } from './tags.js';
import { createToolbar } from './toolbar.js';
import { BACKGROUND_COLOUR, createTools, csAnnotation, drawAnnotation, MODE_TOOLS, removeDrawn, selectedAnnotationUIDs, SHORT_OUTLINE, styleFor } from './tools.js';
import { UndoHistory } from './undo.js';
import { createViewer, initCornerstone } from './viewer.js';
import { injectWorkspaceCss } from './page-layer.js';
import { visibleSelection } from './selection.js';

const PROTOCOL_KINDS = ['tag', 'box', 'scribble', 'point', 'polygon', 'brush', 'mask'];
/** Tools that label a foreground class only (background is for scribbles and points). */
const FOREGROUND_MODES = new Set(['box', 'polygon', 'brush', 'eraser', 'suggest']);
const STROKE_KINDS = new Set(['scribble', 'brush']);
const MAX_WIDTH = 40;
let mounts = 0;


/**
 * options: { itemUrl, hubUrl = '/hubs/annotation', classes: [{id, name, colour}],
 *   allowedKinds, itemId, userId? (the signed-in user: scopes the outbox), onStatus?(state),
 *   hub? (injected hub object, see hub-client.js),
 *   store? (outbox store, see outbox.js), cpuRendering?, fetchInit?, idleMs? }
 * Returns { unmount(), ready } once the first slice is on screen.
 */
export async function mount(element, options) {
  const opts = { hubUrl: '/hubs/annotation', allowedKinds: PROTOCOL_KINDS, ...options };
  if (!opts.itemUrl || !opts.itemId) throw new Error('mount: itemUrl and itemId are required');
  const started = performance.now();
  injectWorkspaceCss();
  const id = ++mounts;
  const disposers = [];
  const kinds = opts.allowedKinds.filter((k) => PROTOCOL_KINDS.includes(k));
  const unsupported = opts.allowedKinds.filter((k) => !PROTOCOL_KINDS.includes(k));
  if (unsupported.length) console.info(`weakseg: ${unsupported.join(', ')} not offered — the annotation protocol has no command for them`);

  const fg = (opts.classes ?? []).filter((c) => c.id !== 0);
  const bgClass = (opts.classes ?? []).find((c) => c.id === 0) ?? { id: 0, name: 'Background', colour: BACKGROUND_COLOUR };
  const allClasses = [...fg, bgClass];
  // The project's rules, so a label the server would refuse is refused here at once, in its words.
  const schema = opts.classes ? { classIds: fg.map((c) => c.id), kinds } : null;
  const colourOf = (classId) => allClasses.find((c) => c.id === classId)?.colour ?? '#ffd54f';
  const nameOf = (classId) => allClasses.find((c) => c.id === classId)?.name ?? `Class ${classId}`;

  // ---- DOM skeleton -------------------------------------------------------------------
  const root = document.createElement('div');
  root.className = 'ws-root';
  root.dataset.testid = 'workspace';
  root.setAttribute('aria-label', 'Annotation workspace');
  element.replaceChildren(root);
  const main = document.createElement('div');
  main.className = 'ws-main';
  main.innerHTML = `
    <div class="ws-stage">
      <div class="ws-view" data-layout="axial"><div class="ws-pane"><div class="ws-viewport" data-testid="viewport" role="application" aria-label="Image viewer" tabindex="0"></div></div></div>
      <div class="ws-slicebar"><label class="ws-field" for="ws-slice-${id}">Slice</label>
        <input id="ws-slice-${id}" type="range" min="0" max="0" value="0" aria-label="Slice" data-testid="slice-slider">
        <output data-testid="slice-label" aria-label="Current slice"></output></div>
    </div>
    <aside class="ws-side" aria-label="Side panel">
      <section aria-label="Annotations"><h2 class="ws-panel-title">Annotations</h2>
        <ul class="ws-list" data-testid="annotation-list"></ul><p class="ws-empty">None yet.</p></section>
    </aside>`;
  const vpEl = main.querySelector('.ws-viewport');
  const overlays = Object.fromEntries(['tl', 'tr', 'bl', 'br'].map((c) => {
    const o = document.createElement('div');
    o.className = `ws-overlay ws-${c}`;
    o.dataset.testid = `overlay-${c}`;
    return [c, o];
  }));
  const loading = document.createElement('div');
  loading.className = 'ws-loading'; loading.textContent = 'Loading…';
  const toast = document.createElement('div');
  toast.className = 'ws-toast'; toast.hidden = true;
  toast.setAttribute('role', 'alert'); toast.dataset.testid = 'message';
  const stage = main.querySelector('.ws-view');
  stage.append(...Object.values(overlays), loading, toast);
  const slider = main.querySelector('[data-testid="slice-slider"]');
  const sliceLabel = main.querySelector('[data-testid="slice-label"]');
  const listEl = main.querySelector('.ws-list');
  const emptyEl = main.querySelector('.ws-empty');
  const side = main.querySelector('.ws-side');
  const annotationList = createAnnotationList({
    list: listEl, empty: emptyEl, colourOf, nameOf,
    on: { select: (uid) => selectLabel(uid), remove: (uid) => deleteLabels([uid]), setHidden: (uid, h) => setHidden(uid, h), hover: (uid) => highlight(uid) },
  });

  let toastTimer;
  function say(text) {
    toast.textContent = text; toast.hidden = false;
    clearTimeout(toastTimer); toastTimer = setTimeout(() => { toast.hidden = true; }, 6000);
  }

  // ---- state --------------------------------------------------------------------------
  const state = { mode: 'select', classId: fg[0]?.id ?? 0, positive: true, width: 3, opacity: 1 };
  const drawn = new Map(); // Cornerstone uid → { command }
  const hidden = new Set(); // uids hidden from view (the list's eye button; nothing stored changes)
  let highlighted = null; // uid highlighted by a hover on its list row
  const byCommand = new Map(); // create commandId → uid
  const tags = new Map(); // tagKey → { present, commandId }
  const timer = new ActiveTimer({ idleMs: opts.idleMs ?? 30000 });
  const clickPolygon = new ClickPolygon(); // a polygon being placed vertex by vertex
  let clickSlice = null; // the slice it lies on

  // ---- item, viewer, tools ------------------------------------------------------------
  const res = await fetch(opts.itemUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...opts.fetchInit });
  if (!res.ok) throw new Error(`item: HTTP ${res.status}`);
  const item = await res.json();
  const { imageIds, geometry, dims } = registerItem(item, { fetchInit: { credentials: 'same-origin', ...opts.fetchInit } });
  await initCornerstone({ cpuRendering: !!opts.cpuRendering });

  const tools = [
    { id: 'select', mode: 'select', icon: 'select', label: 'Select and move (or hold Alt with any tool)', key: 'V' },
    kinds.includes('box') && { id: 'box', mode: 'box', icon: 'box', label: 'Bounding box', key: 'B' },
    kinds.includes('scribble') && { id: 'scribble', mode: 'scribble', icon: 'scribble', label: 'Scribble', key: 'S' },
    kinds.includes('point') && { id: 'point', mode: 'point', positive: true, icon: 'pointPositive', label: 'Positive point', key: 'P' },
    kinds.includes('point') && { id: 'point-negative', mode: 'point', positive: false, icon: 'pointNegative', label: 'Negative point', key: 'N' },
    kinds.includes('polygon') && { id: 'polygon', mode: 'polygon', icon: 'polygon', label: 'Polygon (full mask)', key: 'L' },
    kinds.includes('brush') && { id: 'brush', mode: 'brush', icon: 'brush', label: 'Brush (full mask)', key: 'M' },
    kinds.includes('brush') && { id: 'eraser', mode: 'eraser', icon: 'eraser', label: 'Eraser (full mask)', key: 'E' },
    // Suggestions become mask labels: offered always, disabled (saying why) where masks are not allowed.
    { id: 'suggest', mode: 'suggest', icon: 'suggest', label: 'Suggest: drag a box or click the object, then Enter', key: 'A', disabled: kinds.includes('mask') ? null : SUGGEST_NOT_ALLOWED },
    { id: 'pan', mode: 'pan', icon: 'pan', label: 'Pan', key: 'H' },
    { id: 'zoom', mode: 'zoom', icon: 'zoom', label: 'Zoom', key: 'Z' },
    { id: 'window-level', mode: 'windowLevel', icon: 'windowLevel', label: 'Window / level', key: 'W' },
  ].filter(Boolean);
  const classKey = (classId) => (classId === 0 ? '0' : String(fg.findIndex((c) => c.id === classId) + 1));

  let viewer, csTools, tagPanel, shortcuts, undo, outbox, hub, ownHub = false, suggest = null, across = null;
  const toolbar = createToolbar({
    container: root, tools, classes: allClasses, presets: item.presets ?? [], keys: { classKey }, maxWidth: MAX_WIDTH,
    on: {
      mode: (toolId) => selectTool(toolId), classId: (c) => selectClass(c), width: (w) => setWidth(w),
      undo: () => undo?.undo(), redo: () => undo?.redo(), delete: () => deleteSelected(),
      zoomIn: () => viewer?.zoomBy(1.25), zoomOut: () => viewer?.zoomBy(0.8), fit: () => viewer?.fit(),
      preset: (p) => viewer?.setWindow(p.center, p.width), opacity: (o) => setOpacity(o), help: () => shortcuts?.toggle(),
    },
  });
  root.append(main);

  slider.max = String(item.nz - 1);
  slider.disabled = item.nz <= 1; // a 2D image has nothing to scroll
  viewer = await createViewer({
    element: vpEl, item, imageIds, geometry, id,
    onSlice: (k) => showSlice(k),
    onCursor: (c) => {
      overlays.bl.textContent = '';
      if (!c) return;
      const unit = item.modality === 'CT' ? ' HU' : '';
      const value = c.value == null ? '…' : `${Math.round(c.value * 100) / 100}${unit}`;
      overlays.bl.innerHTML = `<span class="ws-dim">x</span> ${c.i} <span class="ws-dim">y</span> ${c.j} <span class="ws-dim">z</span> ${c.k}<br><span data-testid="voxel-value">${value}</span>`;
    },
    onVoi: ({ center, width }) => { overlays.br.innerHTML = `<span data-testid="window-readout">W ${Math.round(width)} L ${Math.round(center)}</span>`; showSliceOverlay(); },
  });
  disposers.push(() => viewer.destroy());
  loading.hidden = true;
  overlays.tl.innerHTML = `<div data-testid="item-name"></div><div class="ws-dim"></div>`;
  overlays.tl.firstChild.textContent = item.name ?? item.id;
  overlays.tl.lastChild.textContent = `${item.modality ?? ''} · ${item.nx}×${item.ny}×${item.nz} · ${item.spacing.map((s) => +s.toFixed(2)).join('×')} mm`;

  csTools = createTools({ toolGroupId: `weakseg-tools-${id}`, viewportId: viewer.viewportId, renderingEngineId: viewer.renderingEngineId, kinds });
  disposers.push(() => csTools.destroy());

  // The full masks as one composed label map per slice (polygons, brush and eraser strokes).
  const masks = createMaskOverlay({ element: vpEl, viewport: viewer.viewport, geometry, dims, slice: () => viewer.slice, colourOf });
  disposers.push(() => masks.destroy());
  const shownLabels = () => [...drawn.entries()].filter(([uid]) => !hidden.has(uid)).map(([, d]) => d.command);
  const masksChanged = () => { masks.update(shownLabels()); mpr?.labelsChanged(); };

  // Coronal and sagittal views beside the axial one (mpr-views.js): layout, crosshairs, one window and zoom.
  const mpr = createMprViews({
    view: stage, axialPane: vpEl.parentElement, axial: viewer, item, geometry, dims, id, csTools, mode: () => state.mode,
    labels: shownLabels, maskAt: (k) => masks.labelsAt(k), colourOf, say,
  });
  disposers.push(() => mpr.destroy());
  const layoutSwitch = createLayoutSwitch({ toolbar: toolbar.element, onLayout: (l) => setLayout(l) });
  async function setLayout(l) {
    try { layoutSwitch.show(await mpr.setLayout(l)); } catch (err) { say(`The ${l} view could not be shown: ${err.message}`); }
  }

  // Polygon by clicks: the polygon tool hands over presses that do not trace (tools.js). The
  // outline lies in the view it started in (axial, coronal or sagittal); on a reformat it is
  // stored on that plane, as a traced one (completeOnReformat).
  let clickOn = 'axial';
  const clickViewer = () => (clickOn === 'axial' ? viewer : mpr.viewerOf(clickOn) ?? viewer);
  const clickHost = () => (clickOn === 'axial' ? vpEl : clickViewer().element);
  const toCanvas = (world) => clickViewer().viewport.worldToCanvas(world);
  const makeClickView = () => createClickPolygonView({ host: clickHost(), polygon: clickPolygon, toCanvas, colour: () => colourOf(state.classId) });
  let clickView = makeClickView();
  disposers.push(() => clickView.destroy());
  csTools.setPolygonClicks({ get active() { return clickPolygon.active; }, press: (world, element) => polygonClick(world, element) });
  function polygonClick(world, element = vpEl) {
    if (state.mode !== 'polygon') return;
    const o = element === vpEl ? 'axial' : mpr.viewOfElement(element);
    if (!o) return;
    if (clickPolygon.active && o !== clickOn) { say(`Finish the polygon in the ${clickOn} view first (Enter), or drop it (Escape).`); return; }
    if (!clickPolygon.active) {
      if (o !== clickOn) { clickView.destroy(); clickOn = o; clickView = makeClickView(); }
      clickSlice = clickViewer().slice;
    }
    if (clickPolygon.click(world, toCanvas) === 'closed') finishClickPolygon(); else clickView.render();
  }
  /** Closes the clicked outline into a polygon annotation; false when none is open. */
  function finishClickPolygon() {
    if (!clickPolygon.active) return false;
    if (!clickPolygon.closable) { say('A polygon needs at least three points.'); return true; }
    const points = clickPolygon.close();
    clickView.render(null);
    const imageId = clickOn === 'axial' ? imageIds[clickSlice] : imageIdOf(item.id, clickSlice, clickOn);
    const uid = drawAnnotation({ viewport: clickViewer().viewport, toolName: MODE_TOOLS.polygon, imageId, worldPoints: points, uid: uuid() });
    completeAnnotation(csAnnotation.state.getAnnotation(uid));
    return true;
  }
  function cancelClickPolygon() { const had = clickPolygon.cancel(); clickView.render(null); return had; }
  // The first vertex comes through the polygon tool (a press that does not trace). While the
  // outline is open, presses and double-clicks are taken here, before Cornerstone sees them:
  // Cornerstone holds every click back 400 ms and drops a second press within that time, which
  // would lose vertices clicked quickly. (Capture on the parent runs before the viewport's own
  // listeners; a cancelled pointerdown sends no mousedown.)
  const clicking = (e) => state.mode === 'polygon' && clickPolygon.active && e.button === 0 && !e.ctrlKey && !e.metaKey && clickHost().contains(e.target);
  const canvasAt = (e) => { const r = clickHost().getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
  const worldAt = (e) => clickViewer().viewport.canvasToWorld(canvasAt(e));
  const onPress = (e) => {
    if (e.pointerType === 'touch' || !clicking(e)) return;
    e.preventDefault(); e.stopPropagation();
    vpEl.focus({ preventScroll: true });
    polygonClick(worldAt(e), clickHost());
  };
  const onDoubleClick = (e) => {
    if (!clicking(e)) return;
    e.preventDefault(); e.stopPropagation();
    clickPolygon.click(worldAt(e), toCanvas); // its presses placed the point already: usually ignored
    finishClickPolygon();
  };
  const onShortOutline = () => say('That outline was too short to keep: trace a larger one, or click vertex by vertex.');
  stage.addEventListener(SHORT_OUTLINE, onShortOutline);
  disposers.push(() => stage.removeEventListener(SHORT_OUTLINE, onShortOutline));
  stage.addEventListener('pointerdown', onPress, true);
  stage.addEventListener('dblclick', onDoubleClick, true);
  disposers.push(() => { stage.removeEventListener('pointerdown', onPress, true); stage.removeEventListener('dblclick', onDoubleClick, true); });
  // The rubber band follows the pointer in the outline's view; a re-render (zoom, pan) redraws it there.
  const onPointer = (e) => { if (clickPolygon.active && clickHost().contains(e.target)) clickView.render(canvasAt(e)); };
  const onRendered = (e) => { if (clickPolygon.active && clickHost().contains(e.target)) clickView.render(); };
  const viewEvents = [['pointermove', onPointer], ['CORNERSTONE_IMAGE_RENDERED', onRendered]];
  for (const [type, fn] of viewEvents) stage.addEventListener(type, fn, true);
  disposers.push(() => { for (const [type, fn] of viewEvents) stage.removeEventListener(type, fn, true); });

  tagPanel = kinds.includes('tag') ? createTagPanel({ container: side, classes: fg, onSet: setTag, slices: item.nz }) : null;
  if (tagPanel) side.prepend(tagPanel.element);

  function showSliceOverlay() {
    const k = viewer?.slice ?? 0;
    const label = `${k + 1} / ${item.nz}`;
    overlays.tr.innerHTML = `<span data-testid="slice-readout">Slice ${label}</span><br><span class="ws-dim">k = ${k}</span>`;
  }
  let shownSlice = null;
  function showSlice(k) {
    if (clickPolygon.active && clickOn === 'axial' && k !== clickSlice) cancelClickPolygon();
    // A selection never stays behind on a slice no longer on screen, where Delete would remove it unseen.
    if (shownSlice !== null && k !== shownSlice) csAnnotation.selection.deselectAnnotation();
    shownSlice = k;
    suggest?.sliceChanged(k);
    across?.sliceChanged(k);
    slider.value = String(k);
    sliceLabel.textContent = `${k + 1} / ${item.nz}`;
    showSliceOverlay();
    tagPanel?.update({ slice: k, tagsByKey: tags });
    renderList();
  }
  slider.addEventListener('input', () => viewer.setSlice(Number(slider.value)));
  showSlice(viewer.slice);

  // ---- modes, classes -----------------------------------------------------------------
  function selectTool(toolId) {
    const t = tools.find((x) => x.id === toolId);
    if (!t) return;
    if (t.disabled) { say(t.disabled); return; }
    if (t.mode !== 'polygon') cancelClickPolygon();
    if (t.mode === 'point') state.positive = t.positive;
    if (FOREGROUND_MODES.has(t.mode) && state.classId === 0 && fg.length) state.classId = fg[0].id;
    state.mode = csTools.setMode(t.mode);
    state.toolId = toolId;
    toolbar.setMode(toolId);
    toolbar.enableClass(0, !FOREGROUND_MODES.has(t.mode));
    toolbar.setClass(state.classId);
    applyDrawingStyle();
    suggest?.activeChanged(t.mode === 'suggest');
  }
  function selectClass(classId) {
    if (classId === 0 && FOREGROUND_MODES.has(state.mode)) {
      say(`${state.mode === 'box' ? 'A box' : state.mode === 'suggest' ? 'A suggestion' : 'A full mask'} needs a foreground class; background is for scribbles and points.`);
      return;
    }
    if (!allClasses.some((c) => c.id === classId)) return;
    state.classId = classId;
    toolbar.setClass(classId);
    applyDrawingStyle();
    suggest?.classChanged(classId);
  }
  function setWidth(w) { state.width = Math.max(1, Math.min(MAX_WIDTH, w)); toolbar.setWidth(state.width); applyDrawingStyle(); }
  function setOpacity(o) { state.opacity = Math.max(0, Math.min(1, o)); toolbar.setOpacity(state.opacity); viewer.setLabelOpacity(state.opacity); masks.setOpacity(state.opacity); mpr.setOpacity(state.opacity); }
  // A scribble's width is in voxels (what the server rasterises); on screen it follows the zoom.
  function pxPerVoxel() {
    const k = viewer.slice;
    const a = viewer.viewport.worldToCanvas(geometry.indexToWorld([0, 0, k]));
    const b = viewer.viewport.worldToCanvas(geometry.indexToWorld([1, 0, k]));
    const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return Number.isFinite(d) && d > 0 ? d : 1;
  }
  const screenWidth = (voxels) => Math.max(1.5, +(voxels * pxPerVoxel()).toFixed(2));
  function applyDrawingStyle() { csTools.setDrawingStyle({ colour: colourOf(state.classId), positive: state.positive, width: screenWidth(state.width) }); }
  function restyleAll() {
    for (const [uid, { command }] of drawn) if (STROKE_KINDS.has(command.kind)) adoptStyle(uid, command);
    applyDrawingStyle();
  }
  const onCamera = () => restyleAll();
  vpEl.addEventListener('CORNERSTONE_CAMERA_MODIFIED', onCamera);
  disposers.push(() => vpEl.removeEventListener('CORNERSTONE_CAMERA_MODIFIED', onCamera));

  // ---- drawn annotations --------------------------------------------------------------
  function draw(command) {
    if (command.kind === 'tag') {
      const key = tagKey(command.classId, command.slice);
      tags.set(key, { present: command.tag.present, commandId: command.commandId, command });
      tagPanel?.update({ tagsByKey: tags });
      return `tag:${key}`;
    }
    // A mask label (an accepted suggestion) has no Cornerstone annotation: the composed label map shows it.
    if (command.kind === 'mask') { const uid = `mask:${uuid()}`; adopt(uid, command); return uid; }
    const { points, slice, plane } = commandToWorld(command, geometry);
    // A box stored on a coronal or sagittal plane is drawn on that plane's image (mpr-views.js shows it).
    const imageId = plane ? imageIdOf(item.id, slice, plane) : imageIds[slice];
    const uid = drawAnnotation({ viewport: viewer.viewport, toolName: toolFor(command), imageId, worldPoints: points, uid: uuid() });
    adopt(uid, command);
    return uid;
  }
  function adoptStyle(uid, command) {
    if (command.kind === 'mask') return;
    const kind = command.brush?.erase ? 'eraser' : command.kind;
    const width = command.scribble?.width ?? command.brush?.width ?? 1;
    csTools.styleAnnotation(uid, styleFor({ colour: colourOf(command.classId), positive: command.point?.positive ?? true, width: screenWidth(width), kind, outline: true }));
  }
  function adopt(uid, command) {
    adoptStyle(uid, command);
    // A changed shape is made anew (delete + create): it goes to the end of the order, as on the server.
    drawn.delete(uid);
    drawn.set(uid, { command });
    byCommand.set(command.commandId, uid);
    masksChanged();
    renderList();
  }
  function erase(uid) {
    if (uid?.startsWith?.('tag:')) {
      tags.delete(uid.slice(4));
      tagPanel?.update({ tagsByKey: tags });
      return;
    }
    const entry = drawn.get(uid);
    if (entry) byCommand.delete(entry.command.commandId);
    drawn.delete(uid);
    if (hidden.delete(uid) && csAnnotation.state.getAnnotation(uid)) csAnnotation.visibility.setAnnotationVisibility(uid, true);
    if (csAnnotation.state.getAnnotation(uid)) removeDrawn(uid);
    masksChanged();
    render();
    renderList();
  }
  function render() { viewer.viewport.render(); toolUtilities.triggerAnnotationRenderForViewportIds?.([viewer.viewportId]); }

  /** Labels selected and visibly so: on the slice on screen, not hidden (selection.js). */
  function selectedLabels() { return visibleSelection(selectedAnnotationUIDs(), { labels: drawn, slice: viewer?.slice, hidden, planeSlices: mpr?.shownSlices() }); }
  function renderList() {
    const pending = new Set((outbox?.entries ?? []).map((e) => e.command.commandId));
    annotationList.render(listRows({ labels: drawn, selected: selectedLabels(), hidden, slice: viewer?.slice, pending }));
    toolbar.setHistory({ canUndo: !!undo?.canUndo, canRedo: !!undo?.canRedo, canDelete: selectedLabels().length > 0 });
  }
  /** The list's row click: goes to the label's slice and selects it (only it), shown again if hidden. */
  async function selectLabel(uid) {
    const entry = drawn.get(uid);
    if (!entry) return;
    // Selected once on its slice: going there clears the selection of the slice left.
    if (viewer.slice !== entry.command.slice) await viewer.setSlice(entry.command.slice);
    if (!drawn.has(uid)) return;
    if (hidden.has(uid)) setHidden(uid, false);
    csAnnotation.selection.setAnnotationSelected(uid, true, false);
    render();
    renderList();
  }
  /** View only: a hidden label is not drawn, grabbed or painted into the composed map; nothing is sent. */
  function setHidden(uid, hide) {
    if (!drawn.has(uid)) return;
    if (hide) hidden.add(uid); else hidden.delete(uid);
    if (csAnnotation.state.getAnnotation(uid)) csAnnotation.visibility.setAnnotationVisibility(uid, !hide);
    if (hide) csAnnotation.selection.setAnnotationSelected(uid, false);
    masksChanged();
    render();
    renderList();
  }
  /** The list's row hover: the label drawn highlighted (thicker) while the pointer is on its row. */
  function highlight(uid) {
    const before = highlighted && csAnnotation.state.getAnnotation(highlighted);
    if (before) before.highlighted = false;
    highlighted = uid && drawn.has(uid) ? uid : null;
    const now = highlighted && csAnnotation.state.getAnnotation(highlighted);
    if (now) now.highlighted = true;
    vpEl.dataset.highlighted = highlighted ? drawn.get(highlighted).command.commandId : '';
    render();
  }

  // ---- outbox and hub -----------------------------------------------------------------
  // The hub refuses a connection whose cookie names another user than the one this page (and its outbox) belongs to.
  hub = opts.hub ?? (ownHub = true, createHubClient({ hubUrl: hubUrlFor(opts.hubUrl, opts.userId) }));
  outbox = new Outbox({
    // One outbox per signed-in user: another user's pending commands never go out on this connection.
    store: opts.store ?? new IndexedDbStore(outboxDatabaseName(opts.userId)),
    userId: opts.userId ?? null,
    send: (command) => hub.submit(command),
    // Several pending commands go in runs through SubmitMany; a hub without it gets them one by one.
    sendMany: typeof hub.submitMany === 'function' ? (commands) => hub.submitMany(commands) : null,
    online: false,
    onRefused: (command, reason) => {
      say(reason);
      const uid = byCommand.get(command.commandId);
      if (uid) erase(uid);
      if (command.kind === 'tag') for (const [key, t] of tags) if (t.commandId === command.commandId) tags.delete(key);
      tagPanel?.update({ tagsByKey: tags });
    },
    onAck: () => renderList(),
  });
  disposers.push(outbox.onState((s) => { toolbar.setStatus(s); opts.onStatus?.(s); }));
  disposers.push(() => outbox.dispose());
  await outbox.load();

  function send(command, { refCommandId = null } = {}) {
    outbox.enqueue(command, { refCommandId }).catch((err) => console.error('weakseg outbox', err)).finally(renderList);
  }

  undo = new UndoHistory({
    send, draw, erase,
    annotationIdOf: (commandId) => outbox.annotationIdOf(commandId),
  });

  async function syncFromServer() {
    let list;
    try { list = await hub.getMyAnnotations(item.id); } catch (err) { console.warn('weakseg: getMyAnnotations failed', err); return; }
    const pending = outbox.entries.filter((e) => e.command.itemId === item.id);
    const deletedIds = new Set(pending.filter((e) => e.command.kind === 'delete').map((e) => e.command.delete.annotationId ?? outbox.annotationIdOf(e.refCommandId)));
    for (const a of list ?? []) {
      if (a.annotationId) await outbox.rememberAck(a.commandId, a.annotationId);
      if (deletedIds.has(a.annotationId)) continue;
      const command = commandFromView(a);
      if (a.kind === 'tag') { tags.set(tagKey(a.classId, a.slice), { present: a.tag.present, commandId: a.commandId, command }); continue; }
      if (!(toolFor(a) || a.kind === 'mask') || byCommand.has(a.commandId)) continue;
      draw(command);
    }
    // Paint composes in the order it was made: the server's annotations (oldest first), then what is still pending here.
    const rank = new Map((list ?? []).map((a, n) => [a.commandId, n]));
    const entries = [...drawn.entries()];
    const known = entries.filter(([, d]) => rank.has(d.command.commandId)).sort((x, y) => rank.get(x[1].command.commandId) - rank.get(y[1].command.commandId));
    drawn.clear();
    for (const [u, d] of [...known, ...entries.filter(([, d]) => !rank.has(d.command.commandId))]) drawn.set(u, d);
    masksChanged();
    tagPanel?.update({ tagsByKey: tags });
    render();
  }
  function drawPending() {
    for (const e of outbox.entries) {
      const c = e.command;
      if (c.itemId !== item.id) continue;
      if ((toolFor(c) || c.kind === 'mask') && !byCommand.has(c.commandId)) draw(c);
      else if (c.kind === 'tag') tags.set(tagKey(c.classId, c.slice), { present: c.tag.present, commandId: c.commandId, command: c });
      else if (c.kind === 'delete') {
        const target = e.refCommandId && byCommand.get(e.refCommandId);
        if (target) erase(target);
        for (const [key, t] of tags) if (t.commandId === e.refCommandId) tags.delete(key);
      }
    }
    tagPanel?.update({ tagsByKey: tags });
  }
  async function goOnline() {
    // Presence for QA leads and managers: say which item this page shows, after every (re)connect.
    hub.focus?.(item.id)?.catch?.(() => {});
    await outbox.setOnline(true);
    await syncFromServer();
    drawPending();
    renderList();
    suggest?.refresh();
  }
  disposers.push(hub.onreconnected(() => { goOnline(); }) ?? (() => {}));
  disposers.push(hub.onclose?.((err) => {
    outbox.setOnline(false);
    suggest?.render();
    if (isOtherUser(err)) say('This browser is now signed in as someone else. Your unsaved work is kept for you: sign in again as yourself to send it.');
  }) ?? (() => {}));

  // ---- annotator's actions ------------------------------------------------------------
  const onCompleted = (evt) => completeAnnotation(evt.detail.annotation);
  /** A finished annotation (drawn, traced or clicked) → command → outbox. */
  function completeAnnotation(ann) {
    // Cornerstone's events are global: a workspace whose viewport left the page (a newer mount
    // replaced it) must not send what another workspace drew.
    if (!vpEl.isConnected) return;
    if (mpr.owns(ann) && !drawn.has(ann.annotationUID)) { completeOnReformat(ann); return; }
    const kind = TOOL_KINDS[ann?.metadata?.toolName];
    if (!kind || drawn.has(ann.annotationUID) || ann.metadata.FrameOfReferenceUID !== viewer.viewport.getFrameOfReferenceUID()) return;
    let command;
    try {
      command = annotationToCommand(ann, {
        itemId: item.id, geometry, dims, schema, classId: state.classId, positive: state.positive, width: state.width, activeMs: timer.finishAnnotation(),
      });
    } catch (err) {
      removeDrawn(ann.annotationUID);
      render();
      say(err.message);
      return;
    }
    adopt(ann.annotationUID, command);
    undo.recordCreate(command, ann.annotationUID);
    send(command);
    // Cornerstone selects what it draws; a drawing tool selects nothing (Delete removes only what was chosen).
    csAnnotation.selection.setAnnotationSelected(ann.annotationUID, false);
    render();
    renderList();
  }
  /** A label drawn on a coronal or sagittal image: stored as its axial equivalent (a box on its plane), one undo step. */
  function completeOnReformat(ann) {
    removeDrawn(ann.annotationUID);
    let commands;
    try {
      commands = planeCommands(mpr.equivalentOf(ann, { width: state.width }), {
        itemId: item.id, dims, schema, classId: state.classId, positive: state.positive, activeMs: timer.finishAnnotation(),
      });
    } catch (err) { render(); say(err.message); return; }
    undo.recordCreateMany(commands.map((c) => [c, draw(c)]));
    commands.forEach((c) => send(c));
    render();
    renderList();
  }
  csEvents.addEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, onCompleted);
  disposers.push(() => csEvents.removeEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, onCompleted));

  // Moving or reshaping an annotation: the protocol has no update, so a changed shape is a
  // delete of the old annotation and a create of the new one, sent when the drag ends.
  // Only a press on the image moves a label: Cornerstone also reports changes made by rendering
  // (statistics), which a later pointer-up elsewhere (the Redo button) must not turn into a move.
  const modified = new Set();
  let pressing = false;
  const onModified = (evt) => {
    const uid = evt.detail.annotation?.annotationUID;
    if (pressing && vpEl.isConnected && drawn.has(uid) && evt.detail.changeType !== ToolEnums.ChangeTypes.StatsUpdated) modified.add(uid);
  };
  // Whether a press may grab a label (select tool, or Alt held); a press on nothing deselects.
  const onGrabPress = (e) => {
    if (e.button !== 0 || !stage.contains(e.target)) return;
    pressing = true; // in any view: a box on a reformat is moved there
    csTools.setGrabKey(e.altKey);
    if (!csTools.mayGrab() || !vpEl.contains(e.target)) return;
    const r = vpEl.getBoundingClientRect();
    const near = toolUtilities.getAnnotationNearPoint(vpEl, [e.clientX - r.left, e.clientY - r.top], 6);
    if (!near && !e.shiftKey) deselectAll();
  };
  stage.addEventListener('pointerdown', onGrabPress, true);
  disposers.push(() => stage.removeEventListener('pointerdown', onGrabPress, true));
  const onPointerUp = () => {
    pressing = false;
    csTools.setGrabKey(false);
    if (!modified.size) return;
    const uids = [...modified]; modified.clear();
    setTimeout(() => uids.forEach(commitMove), 0);
  };
  function commitMove(uid) {
    const entry = drawn.get(uid);
    const ann = csAnnotation.state.getAnnotation(uid);
    if (!entry || !ann) return;
    const old = entry.command;
    let next;
    try {
      next = annotationToCommand(ann, { itemId: item.id, geometry, dims, schema, plane: old.plane, classId: old.classId, positive: old.point?.positive, width: old.scribble?.width ?? old.brush?.width, activeMs: timer.finishAnnotation() });
    } catch (err) {
      say(`${err.message} The change was not kept.`);
      removeDrawn(uid); drawn.delete(uid); byCommand.delete(old.commandId); draw(old); render();
      return;
    }
    // Cornerstone also reports changes that move nothing (a point's statistics computed on render).
    if (sameLabel(next, old)) return;
    send(deleteCommand({ itemId: item.id, annotationId: outbox.annotationIdOf(old.commandId) }), { refCommandId: old.commandId });
    byCommand.delete(old.commandId);
    adopt(uid, next);
    send(next);
    undo.recordReplace(old, next, uid);
  }
  csEvents.addEventListener(ToolEnums.Events.ANNOTATION_MODIFIED, onModified);
  window.addEventListener('pointerup', onPointerUp, true);
  disposers.push(() => { csEvents.removeEventListener(ToolEnums.Events.ANNOTATION_MODIFIED, onModified); window.removeEventListener('pointerup', onPointerUp, true); });
  const onSelection = () => renderList();
  csEvents.addEventListener(ToolEnums.Events.ANNOTATION_SELECTION_CHANGE, onSelection);
  disposers.push(() => csEvents.removeEventListener(ToolEnums.Events.ANNOTATION_SELECTION_CHANGE, onSelection));

  function deselectAll() { csAnnotation.selection.deselectAnnotation(); render(); renderList(); }
  function deleteSelected() {
    const uids = selectedLabels();
    deleteLabels(uids);
    if (!uids.length) say('Select an annotation first (V, then click it, or click its row in the list).');
  }
  function deleteLabels(uids) {
    for (const uid of uids) {
      if (!drawn.has(uid)) continue;
      const { command } = drawn.get(uid);
      erase(uid);
      send(deleteCommand({ itemId: item.id, annotationId: outbox.annotationIdOf(command.commandId), activeMs: timer.finishAnnotation() }), { refCommandId: command.commandId });
      undo.recordDelete(command, uid);
    }
  }

  function setTag(classId, slice, present) {
    const key = tagKey(classId, slice);
    const cur = tags.get(key);
    if (cur) send(deleteCommand({ itemId: item.id, annotationId: outbox.annotationIdOf(cur.commandId) }), { refCommandId: cur.commandId });
    if (present == null) {
      tags.delete(key);
      if (cur) undo.recordDelete(cur.command, `tag:${key}`);
    } else {
      const command = tagCommand({ itemId: item.id, classId, slice, present, activeMs: timer.finishAnnotation() });
      tags.set(key, { present, commandId: command.commandId, command });
      send(command);
      if (cur) undo.recordReplace(cur.command, command, `tag:${key}`); else undo.recordCreate(command, `tag:${key}`);
    }
    tagPanel?.update({ tagsByKey: tags });
    renderList();
  }

  // Active time: any input inside the workspace counts.
  let lastMove = 0;
  const onInput = (e) => {
    if (e.type === 'pointermove') { if (e.timeStamp - lastMove < 250) return; lastMove = e.timeStamp; }
    timer.activity();
  };
  for (const type of ['pointerdown', 'pointermove', 'wheel', 'keydown']) root.addEventListener(type, onInput, { passive: true, capture: true });

  // ---- suggestions (suggest-tool.js): prompts, the mask shown, accept / reject ----------
  suggest = createSuggestTool({
    stage, vpEl, viewer, geometry, dims, schema, itemId: item.id, hub, allowed: kinds.includes('mask'), side, say,
    viewAt: (node) => mpr.viewOfElement(node), viewerOf: (o) => mpr.viewerOf(o),
    active: () => state.mode === 'suggest', classId: () => state.classId, colourOf, activeMs: () => timer.finishAnnotation(),
    onAccept: (command) => { const uid = draw(command); undo.recordCreate(command, uid); send(command); render(); renderList(); },
  });
  disposers.push(() => suggest.destroy());
  // ---- across slices (propagate-tool.js): propagation, box interpolation ---------------
  across = createPropagateTool({
    vpEl, viewer, geometry, dims, schema, itemId: item.id, hub, side, say, colourOf, allowedMasks: kinds.includes('mask'), allowedBoxes: kinds.includes('box'),
    labels: () => [...drawn.values()].map((d) => d.command), selected: () => selectedLabels().map((uid) => drawn.get(uid)?.command).filter(Boolean),
    viewerOf: (o) => mpr.viewerOf(o), shownSlices: () => mpr.shownSlices(), activeMs: () => timer.finishAnnotation(),
    onAccept: (command) => { const uid = draw(command); undo.recordCreate(command, uid); send(command); render(); renderList(); },
  });
  disposers.push(() => across.destroy());

  // ---- shortcuts ----------------------------------------------------------------------
  const bindings = [
    ...suggest.bindings,
    ...across.bindings,
    ...tools.map((t) => ({ keys: [t.key], label: t.label, group: 'Tools', run: () => selectTool(t.id) })),
    // Polygon by clicks: these keys act on the open outline first, else as listed further down.
    ...(kinds.includes('polygon') ? [
      { keys: ['Enter'], label: 'Polygon: close the clicked outline (or click its first point, or double-click)', group: 'Polygon by clicks', when: () => clickPolygon.active, run: () => finishClickPolygon() },
      { keys: ['Backspace'], label: 'Polygon: remove the last clicked point', group: 'Polygon by clicks', when: () => clickPolygon.active, run: () => { clickPolygon.removeLast(); clickView.render(); } },
      { keys: ['Escape'], label: 'Polygon: drop the clicked outline', group: 'Polygon by clicks', when: () => clickPolygon.active, run: () => cancelClickPolygon() },
    ] : []),
    { keys: ['Escape'], label: 'Select tool (leave drawing); in it, clear the selection', group: 'Tools', run: () => (state.mode === 'select' ? deselectAll() : selectTool('select')) },
    ...fg.slice(0, 9).map((c, n) => ({ keys: [String(n + 1)], label: `Class ${c.name}`, group: 'Classes', run: () => selectClass(c.id) })),
    { keys: ['0'], label: `${bgClass.name} (scribbles, points)`, group: 'Classes', run: () => selectClass(0) },
    { keys: ['['], label: kinds.includes('brush') ? 'Thinner scribble / brush' : 'Thinner scribble', group: 'Classes', run: () => setWidth(state.width - 1) },
    { keys: [']'], label: kinds.includes('brush') ? 'Thicker scribble / brush' : 'Thicker scribble', group: 'Classes', run: () => setWidth(state.width + 1) },
    { keys: ['Ctrl+Z'], label: 'Undo', group: 'Edit', run: () => undo.undo() },
    { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], label: 'Redo', group: 'Edit', run: () => undo.redo() },
    { keys: ['Delete', 'Backspace'], label: 'Delete selected annotation', group: 'Edit', run: () => deleteSelected() },
    { keys: ['ArrowDown', 'ArrowRight', 'PageDown'], label: 'Next slice', group: 'View', run: () => mpr.active().setSlice(mpr.active().slice + 1) },
    { keys: ['ArrowUp', 'ArrowLeft', 'PageUp'], label: 'Previous slice', group: 'View', run: () => mpr.active().setSlice(mpr.active().slice - 1) },
    { keys: ['Home'], label: 'First slice', group: 'View', run: () => mpr.active().setSlice(0) },
    { keys: ['End'], label: 'Last slice', group: 'View', run: () => mpr.active().setSlice(Number.MAX_SAFE_INTEGER) },
    ...mpr.bindings.map((b) => ({ ...b, run: () => setLayout(b.layout) })),
    { keys: ['+', '='], label: 'Zoom in', group: 'View', run: () => viewer.zoomBy(1.25) },
    { keys: ['-'], label: 'Zoom out', group: 'View', run: () => viewer.zoomBy(0.8) },
    { keys: ['F'], label: 'Fit to window', group: 'View', run: () => viewer.fit() },
    ...(item.presets ?? []).slice(0, 9).map((p, n) => ({ keys: [`Alt+${n + 1}`], label: `Window ${p.name}`, group: 'View', run: () => viewer.setWindow(p.center, p.width) })),
    { keys: ['R'], label: 'Reset window', group: 'View', run: () => item.window && viewer.setWindow(item.window.center, item.window.width) },
    { keys: ['O'], label: 'Show / hide labels', group: 'View', run: () => setOpacity(state.opacity > 0 ? 0 : 1) },
    { keys: ['?'], label: 'Show / hide this help', group: 'Help', run: () => shortcuts.toggle() },
  ];
  shortcuts = createShortcuts({ bindings, container: root });
  disposers.push(() => shortcuts.destroy());

  selectTool(kinds.includes('box') ? 'box' : 'select');
  selectClass(state.classId);
  setWidth(state.width);

  // ---- connect, load ------------------------------------------------------------------
  drawPending();
  const connecting = (async () => {
    try { await hub.start?.(); } catch (err) { console.warn('weakseg: hub start', err); }
    if (hub.connected !== false) await goOnline();
  })();
  const firstRenderMs = performance.now() - started;

  // ---- debug hook for tests -----------------------------------------------------------
  const debug = {
    itemId: item.id,
    firstRenderMs,
    ready: connecting,
    /** Current annotations in index space (the commands that made them) plus tags. */
    annotations: () => [...drawn.values()].map((d) => structuredClone(d.command)),
    tags: () => [...tags.entries()].map(([key, t]) => ({ key, present: t.present, commandId: t.commandId })),
    outbox: () => ({ ...outbox.state, commands: outbox.commands }),
    slice: () => viewer.slice,
    setSlice: (k) => viewer.setSlice(k),
    mode: () => state.mode,
    /** commandIds of the labels visibly selected (what Delete removes). */
    selected: () => selectedLabels().map((uid) => drawn.get(uid).command.commandId),
    /** commandIds of the labels hidden from view. */
    hidden: () => [...hidden].filter((uid) => drawn.has(uid)).map((uid) => drawn.get(uid).command.commandId),
    /** commandId of the label highlighted by a hover on its list row, or null. */
    highlighted: () => (highlighted && drawn.get(highlighted)?.command.commandId) || null,
    state: () => ({ ...state }),
    activeMs: () => timer.itemMs,
    /** Composed full-mask labels of slice k (default: on screen): { classId: voxel count }. */
    maskCounts: (k) => {
      const labels = masks.labelsAt(k ?? viewer.slice);
      const out = {};
      if (labels) for (const c of labels) if (c) out[c] = (out[c] ?? 0) + 1;
      return out;
    },
    /** Whether voxel (i, j) of slice k shows paint, and of which class (0: none). */
    maskAt: (i, j, k) => masks.labelsAt(k ?? viewer.slice)?.[j * item.nx + i] ?? 0,
    /** Class shown at (x, y) of slice s of a reformat plane's composed full masks (x across, y = k; 0: none). */
    planeMaskAt: (plane, s, x, y) => mpr.planeMapAt(plane, s)?.[y * (plane === 'coronal' ? item.nx : item.ny) + x] ?? 0,
    /** Painted voxels of slice s of a reformat plane's composed full masks: { classId: voxels }. */
    planeMaskCounts: (plane, s) => {
      const out = {};
      for (const c of mpr.planeMapAt(plane, s) ?? []) if (c) out[c] = (out[c] ?? 0) + 1;
      return out;
    },
    /** The suggestion tool: { object, shown, error, waiting, voxels, ready, engine, provider }. */
    suggestion: () => suggest.debug(),
    /** Propagation / interpolation: { proposals: { origin, running, error, stops, all: [{ slice, kind, state, source }] }, voxels }. */
    propagation: () => across.debug(),
    /** Vertices of the polygon being clicked (world). */
    clickedVertices: () => clickPolygon.vertices,
    indexToWorld: (index) => geometry.indexToWorld(index),
    worldToIndex: (world) => geometry.worldToIndex(world),
    viewport: viewer.viewport,
    /** Multi-planar views: { layout, settled (its views made and fitted), cross: [i, j, k], slices: { orientation: slice } }; setLayout(l); viewportOf(o). */
    mpr: () => mpr.debug(),
    setLayout: (l) => setLayout(l),
    /** Moves the crosshair to voxel [i, j, k]: every view shows its slice through it. */
    setCross: (index) => mpr.setCross(index),
    viewportOf: (o) => mpr.viewerOf(o)?.viewport ?? null,
    cachedSlices: () => imageIds.filter((iid) => cache.getImageLoadObject(iid)).length,
  };
  window.__weakseg = debug;

  let unmounted = false;
  return {
    ready: connecting,
    debug,
    /** Sends what the outbox holds; resolves to the number of commands still pending. */
    flush: async () => { if (outbox.state.online) await outbox.flush(); return outbox.state.pending; },
    pending: () => outbox.state.pending,
    /** The save state (save-state.js): { state, pending, online, text, reason }. */
    saveState: () => outbox.state,
    /** Why Submit or Skip ('submit' | 'skip') waits, or null when every label is saved (save-state.js). */
    explainWait: (action) => explainWait(action, outbox.state),
    activeMs: () => timer.itemMs,
    /** Shows slice k (clamped to the item), e.g. the one a consistency finding names. */
    setSlice: (k) => viewer.setSlice(k),
    unmount() {
      if (unmounted) return;
      unmounted = true;
      for (const uid of drawn.keys()) if (csAnnotation.state.getAnnotation(uid)) removeDrawn(uid);
      for (const type of ['pointerdown', 'pointermove', 'wheel', 'keydown']) root.removeEventListener(type, onInput, { capture: true });
      clearTimeout(toastTimer);
      disposers.reverse().forEach((d) => { try { d(); } catch (err) { console.warn('weakseg unmount', err); } });
      if (ownHub) hub.stop().catch(() => {});
      unregisterItem(item.id);
      cache.purgeCache();
      root.remove();
      if (window.__weakseg === debug) delete window.__weakseg;
    },
  };
}
