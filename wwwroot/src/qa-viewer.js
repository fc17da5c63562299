// Entry of the QA lead's item viewer (dist/qa-viewer.js): the workspace's viewer (viewer.js,
// image-loader.js) read-only — wheel scroll, window/level on right-drag and presets, zoom,
// pan, fit, cursor readout — with every annotator's labels, the consensus and the heat map as
// toggleable layers (qa-layers.js). Nothing here writes: no tools draw, no outbox, no hub.

import { addTool, Enums as ToolEnums, PanTool, StackScrollTool, ToolGroupManager, WindowLevelTool, ZoomTool } from '@cornerstonejs/tools';
import { registerItem, unregisterItem } from './image-loader.js';
import { createQaLayers } from './qa-layers.js';
import { createViewer, initCornerstone } from './viewer.js';
import { injectWorkspaceCss } from './page-layer.js';

const { MouseBindings, KeyboardBindings } = ToolEnums;
let mounts = 0;


/**
 * options: { itemUrl, itemId, layers: [{ id, name, colour, shapes: [{ kind, classId, slice,
 *   points: [x0, y0, x1, y1, …], width?, positive?, erase? }] }], slice? (first slice shown),
 *   onSlice?(k), cpuRendering?, fetchInit? }
 * Returns { slice, setSlice(k), setLayers(layers), setVisible(id, on), setImages({ slice,
 *   consensus, heat }), showImage(name, on), setWindow(center, width), unmount() }.
 */
export async function mount(element, options) {
  const opts = { onSlice: () => {}, ...options };
  if (!opts.itemUrl || !opts.itemId) throw new Error('mount: itemUrl and itemId are required');
  injectWorkspaceCss();
  const id = `qa-${++mounts}`;
  const root = document.createElement('div');
  root.className = 'ws-root qa-viewer';
  root.dataset.testid = 'qa-viewer';
  root.innerHTML = `
    <div class="ws-toolbar" role="toolbar" aria-label="Viewer">
      <button type="button" class="ws-btn" data-act="zoomIn" title="Zoom in (Ctrl+wheel)" aria-label="Zoom in">+</button>
      <button type="button" class="ws-btn" data-act="zoomOut" title="Zoom out" aria-label="Zoom out">−</button>
      <button type="button" class="ws-btn" data-act="fit" title="Fit to the window" aria-label="Fit">Fit</button>
      <span class="qa-presets"></span>
      <span class="ws-dim">wheel: slice · right-drag: window/level · left-drag: pan · Ctrl+wheel: zoom</span>
    </div>
    <div class="ws-stage">
      <div class="ws-view"><div class="ws-viewport" data-testid="qa-viewport" role="application" aria-label="Image viewer" tabindex="0"></div></div>
      <div class="ws-slicebar"><label class="ws-field" for="${id}-slice">Slice</label>
        <input id="${id}-slice" type="range" min="0" max="0" value="0" aria-label="Slice" data-testid="qa-slice-slider">
        <output data-testid="qa-slice-label" aria-label="Current slice"></output></div>
    </div>`;
  element.replaceChildren(root);
  const vpEl = root.querySelector('.ws-viewport');
  const stage = root.querySelector('.ws-view');
  const readout = Object.fromEntries(['tr', 'br', 'bl'].map((c) => {
    const o = document.createElement('div');
    o.className = `ws-overlay ws-${c}`;
    stage.append(o);
    return [c, o];
  }));
  const slider = root.querySelector('[data-testid="qa-slice-slider"]');
  const sliceLabel = root.querySelector('[data-testid="qa-slice-label"]');

  const res = await fetch(opts.itemUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...opts.fetchInit });
  if (!res.ok) throw new Error(`item: HTTP ${res.status}`);
  const item = await res.json();
  const { imageIds, geometry, dims } = registerItem(item, { fetchInit: { credentials: 'same-origin', ...opts.fetchInit } });
  await initCornerstone({ cpuRendering: !!opts.cpuRendering });

  let layers = null;
  const viewer = await createViewer({
    element: vpEl, item, imageIds, geometry, id,
    onSlice: (k) => showSlice(k),
    onCursor: (c) => {
      readout.bl.textContent = c ? `x ${c.i} y ${c.j} z ${c.k}${c.value == null ? '' : ` · ${Math.round(c.value * 100) / 100}`}` : '';
    },
    onVoi: ({ center, width }) => { readout.br.innerHTML = `<span data-testid="qa-window-readout">W ${Math.round(width)} L ${Math.round(center)}</span>`; },
  });

  // Read-only navigation: nothing is bound that draws.
  for (const T of [StackScrollTool, WindowLevelTool, PanTool, ZoomTool]) addTool(T);
  const toolGroupId = `weakseg-qa-tools-${id}`;
  const group = ToolGroupManager.createToolGroup(toolGroupId);
  group.addTool(StackScrollTool.toolName, { loop: false });
  group.addTool(WindowLevelTool.toolName);
  group.addTool(PanTool.toolName);
  group.addTool(ZoomTool.toolName);
  group.addViewport(viewer.viewportId, viewer.renderingEngineId);
  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Primary }, { mouseButton: MouseBindings.Auxiliary }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel, modifierKey: KeyboardBindings.Ctrl }, { mouseButton: MouseBindings.Secondary, modifierKey: KeyboardBindings.Ctrl }] });

  layers = createQaLayers({ element: vpEl, viewport: viewer.viewport, geometry, dims, slice: () => viewer.slice });
  layers.setLayers(opts.layers);

  const presets = root.querySelector('.qa-presets');
  for (const p of item.presets ?? []) {
    const b = document.createElement('button');
    b.type = 'button'; b.className = 'ws-btn'; b.textContent = p.name; b.title = `Window ${p.width} / level ${p.center}`;
    b.dataset.preset = p.name;
    b.addEventListener('click', () => viewer.setWindow(p.center, p.width));
    presets.append(b);
  }
  const acts = { zoomIn: () => viewer.zoomBy(1.25), zoomOut: () => viewer.zoomBy(0.8), fit: () => viewer.fit() };
  root.querySelector('.ws-toolbar').addEventListener('click', (e) => acts[e.target.closest('[data-act]')?.dataset.act]?.());

  slider.max = String(item.nz - 1);
  slider.disabled = item.nz <= 1;
  slider.addEventListener('input', () => viewer.setSlice(Number(slider.value)));
  const onKey = (e) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowRight') { viewer.setSlice(viewer.slice + 1); e.preventDefault(); }
    if (e.key === 'ArrowDown' || e.key === 'ArrowLeft') { viewer.setSlice(viewer.slice - 1); e.preventDefault(); }
  };
  vpEl.addEventListener('keydown', onKey);

  function showSlice(k) {
    slider.value = String(k);
    sliceLabel.textContent = `${k + 1} / ${item.nz}`;
    readout.tr.innerHTML = `<span data-testid="qa-slice-readout">Slice ${k + 1} / ${item.nz}</span>`;
    layers?.render();
    opts.onSlice(k);
  }
  if (Number.isInteger(opts.slice)) await viewer.setSlice(opts.slice);
  showSlice(viewer.slice);

  return {
    get slice() { return viewer.slice; },
    setSlice: (k) => viewer.setSlice(k),
    setLayers: (next) => layers.setLayers(next),
    setVisible: (layerId, on) => layers.setVisible(layerId, on),
    setImages: (images) => layers.setImages(images),
    showImage: (name, on) => layers.showImage(name, on),
    setWindow: (center, width) => viewer.setWindow(center, width),
    unmount() {
      vpEl.removeEventListener('keydown', onKey);
      layers.destroy();
      try { ToolGroupManager.destroyToolGroup(toolGroupId); } catch { /* already gone */ }
      viewer.destroy();
      unregisterItem(item.id);
      element.replaceChildren();
    },
  };
}
