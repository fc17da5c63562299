// Dev harness (not served by the portal): a tiny HTTP server that plays the portal for the
// workspace bundle — item JSON for a generated 256×256×40 Int16 CT-like volume, WSSL slices
// made on the fly, and a fake annotation "hub" over plain HTTP that the page injects as
// options.hub (no SignalR server needed). State of the fake hub lives here, so it survives
// page reloads. Usage: node dev/harness.mjs [port]   (then open http://localhost:PORT/)

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeWssl } from '../src/wssl.js';
import { fakeSuggest } from './fake-suggest.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const ITEM_ID = '3f0c5a8e-6a51-4c59-9d55-0c2e4d1b7a10';
const NX = 256, NY = 256, NZ = 40, SPACING = [0.8, 0.8, 2.5];

export const item = {
  id: ITEM_ID, projectId: '9b7c1f40-0000-4000-8000-000000000001', name: 'case-001 (synthetic)',
  nx: NX, ny: NY, nz: NZ, spacing: SPACING, origin: [-102, -102, -50], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  modality: 'CT', valueMin: -1024, valueMax: 3071,
  window: { center: 40, width: 400 },
  presets: [{ name: 'Soft tissue', center: 40, width: 400 }, { name: 'Lung', center: -600, width: 1500 }, { name: 'Bone', center: 400, width: 1800 }],
  sliceUrl: `/api/items/${ITEM_ID}/slices/axial/{k}.raw?v=synthetic1`,
};
export const classes = [{ id: 1, name: 'Tumour', colour: '#ff5d73' }, { id: 2, name: 'Liver', colour: '#ffb347' }, { id: 0, name: 'Background', colour: '#7fb3d5' }];

/** A CT-like slice: air, an elliptic body with noise, a rim of bone and a spherical lesion. */
function makeSlice(k) { return encodeWssl({ width: NX, height: NY, samples: sliceSamples(k), spacing: SPACING }); }

/** A coronal (j fixed) or sagittal (i fixed) reformat, cut as the server's SliceExtractor does: highest k on top. */
let volume = null;
function makeReformat(orientation, index) {
  volume ??= Array.from({ length: NZ }, (_, k) => sliceSamples(k));
  const width = orientation === 'coronal' ? NX : NY;
  const samples = new Int16Array(width * NZ);
  for (let row = 0; row < NZ; row++) {
    const slice = volume[NZ - 1 - row];
    for (let c = 0; c < width; c++) samples[row * width + c] = orientation === 'coronal' ? slice[index * NX + c] : slice[c * NX + index];
  }
  return encodeWssl({ width, height: NZ, samples, spacing: orientation === 'coronal' ? [SPACING[0], SPACING[2]] : [SPACING[1], SPACING[2]] });
}

function sliceSamples(k) {
  let seed = 1234567 + k * 7919;
  const rand = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 2 ** 32; };
  const noise = () => (rand() + rand() + rand() - 1.5) * 20;
  const samples = new Int16Array(NX * NY);
  const zmm = (k - NZ / 2) * SPACING[2];
  const lesionR = Math.sqrt(Math.max(0, 28 ** 2 - zmm ** 2)); // mm
  for (let j = 0; j < NY; j++) {
    for (let i = 0; i < NX; i++) {
      const x = (i - 128) * SPACING[0], y = (j - 128) * SPACING[1];
      const body = (x / 92) ** 2 + (y / 70) ** 2;
      let v = -1000 + noise() * 0.3;
      if (body < 1) v = 40 + noise();
      if (body > 0.86 && body < 1) v = 650 + noise() * 4;
      if ((x + 38) ** 2 / 30 ** 2 + (y - 4) ** 2 / 36 ** 2 < 1 && body < 0.86) v = 60 + noise();    // an organ
      if ((x - 22) ** 2 + (y + 8) ** 2 < lesionR ** 2) v = 120 + noise();                               // the lesion
      samples[j * NX + i] = Math.round(v);
    }
  }
  return samples;
}

// ---- the fake hub's server side -----------------------------------------------------------
const annotations = new Map(); // annotationId → command
const acks = new Map(); // commandId → ack
let nextId = 1;
let refuseNext = null; // a reason: the next create is refused with it (to test the refusal path)
export const received = []; // every command the fake hub saw, in order
export const batches = []; // the size of every SubmitMany call
export const suggestions = []; // every Suggest request, in order
export const rejections = []; // every RejectSuggestion call: { suggestionId, objectId, itemId }
let suggestDelayMs = 0; // answers wait this long (supersession by a newer request can be seen)
export function setSuggestDelay(ms) { suggestDelayMs = ms; }
export function resetFakeHub() { annotations.clear(); acks.clear(); received.length = 0; batches.length = 0; suggestions.length = 0; rejections.length = 0; refuseNext = null; suggestDelayMs = 0; }
export function refuseNextCreate(reason) { refuseNext = reason; }

function submit(command) {
  received.push(command);
  if (acks.has(command.commandId)) return acks.get(command.commandId);
  const refuse = (reason) => ({ commandId: command.commandId, accepted: false, annotationId: null, reason });
  let ack;
  if (command.itemId !== ITEM_ID) ack = refuse('You are not assigned to this item.');
  else if (refuseNext && command.kind !== 'delete') { ack = refuse(refuseNext); refuseNext = null; }
  else if (command.kind === 'delete') {
    if (!annotations.delete(command.delete?.annotationId)) ack = refuse('There is no such annotation.');
    else ack = { commandId: command.commandId, accepted: true, annotationId: command.delete.annotationId, reason: null };
  } else if (command.kind === 'box' && (command.box.x0 < -0.5 || command.box.x1 > NX - 0.5 || command.box.y0 < -0.5 || command.box.y1 > NY - 0.5)) {
    ack = refuse(`The box lies outside the image (${NX} × ${NY}).`);
  } else if (command.classId != null && ![0, 1, 2].includes(command.classId)) ack = refuse(`Class ${command.classId} is not a class of this project.`);
  if (!ack) {
    const annotationId = `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;
    annotations.set(annotationId, command);
    ack = { commandId: command.commandId, accepted: true, annotationId, reason: null };
  }
  acks.set(command.commandId, ack);
  return ack;
}

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>WeakSeg workspace — dev harness</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>html,body{margin:0;height:100%;background:#05070d}#app{height:100vh}</style></head>
<body><main id="app" aria-label="Workspace host"></main>
<script type="module">
import { mount } from '/dist/workspace.js';
const params = new URLSearchParams(location.search);
const reconnected = new Set(), closed = new Set();
let online = params.get('offline') !== '1';
const hub = {
  get connected() { return online; },
  async start() { if (!online) closed.forEach((cb) => cb()); },
  async stop() {},
  async submit(command) {
    if (!online) throw new Error('offline');
    const r = await fetch('/fake-hub/submit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(command) });
    return r.json();
  },
  async submitMany(commands) {
    if (!online) throw new Error('offline');
    const r = await fetch('/fake-hub/submit-many', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(commands) });
    if (!r.ok) throw new Error('SubmitMany: HTTP ' + r.status);
    return r.json();
  },
  async getMyAnnotations(itemId) {
    if (!online) throw new Error('offline');
    return (await fetch('/fake-hub/annotations?itemId=' + itemId)).json();
  },
  onreconnected(cb) { reconnected.add(cb); return () => reconnected.delete(cb); },
  onclose(cb) { closed.add(cb); return () => closed.delete(cb); },
  async suggest(request) {
    if (!online) throw new Error('offline');
    return (await fetch('/fake-hub/suggest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) })).json();
  },
  async rejectSuggestion(suggestionId, objectId, itemId) {
    if (!online) throw new Error('offline');
    await fetch('/fake-hub/reject', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ suggestionId, objectId, itemId }) });
  },
  async getSuggestionStatus() { return { engine: 'fake-grow', provider: 'OpenCV', workers: 0, readySlices: [] }; },
};
window.__fakeHub = {
  goOffline() { online = false; closed.forEach((cb) => cb()); },
  goOnline() { online = true; reconnected.forEach((cb) => cb()); },
};
const t0 = performance.now();
window.__mountTime = null;
window.__workspace = await mount(document.getElementById('app'), {
  itemUrl: '/api/items/${ITEM_ID}', hubUrl: '/hubs/annotation', itemId: '${ITEM_ID}',
  classes: ${JSON.stringify(classes)}, allowedKinds: params.get('kinds') ? params.get('kinds').split(',') : ['tag', 'box', 'scribble', 'point'],
  hub: params.get('realhub') === '1' ? undefined : hub, cpuRendering: params.get('cpu') === '1',
  onStatus: (s) => { window.__lastStatus = s; },
});
window.__mountTime = performance.now() - t0;
window.__mountedAt = performance.now();
</script></body></html>`;

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css', '.txt': 'text/plain' };

export function startHarness(port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (code, type, body, extra = {}) => { res.writeHead(code, { 'Content-Type': type, ...extra }); res.end(body); };
    try {
      if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', page);
      if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
      if (url.pathname === `/api/items/${ITEM_ID}`) return send(200, 'application/json', JSON.stringify(item));
      const m = /^\/api\/items\/([^/]+)\/slices\/(axial|coronal|sagittal)\/(\d+)\.raw$/.exec(url.pathname);
      if (m) {
        const k = Number(m[3]);
        if (m[1] !== ITEM_ID || k >= { axial: NZ, coronal: NY, sagittal: NX }[m[2]]) return send(404, 'text/plain', 'no such slice');
        const raw = Buffer.from(m[2] === 'axial' ? makeSlice(k) : makeReformat(m[2], k));
        const gz = /gzip/.test(req.headers['accept-encoding'] ?? '');
        return send(200, 'application/octet-stream', gz ? gzipSync(raw, { level: 1 }) : raw, { 'Cache-Control': 'public, max-age=31536000, immutable', ...(gz ? { 'Content-Encoding': 'gzip' } : {}) });
      }
      if (url.pathname === '/fake-hub/submit' && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        return send(200, 'application/json', JSON.stringify(submit(JSON.parse(body))));
      }
      if (url.pathname === '/fake-hub/submit-many' && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const commands = JSON.parse(body);
        batches.push(commands.length);
        if (commands.length > 100) return send(500, 'application/json', JSON.stringify({ error: 'at most 100 commands' }));
        return send(200, 'application/json', JSON.stringify(commands.map(submit)));
      }
      if (url.pathname === '/fake-hub/suggest' && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const request = JSON.parse(body);
        suggestions.push(request);
        const started = Date.now();
        if (suggestDelayMs) await new Promise((r) => setTimeout(r, suggestDelayMs));
        const reply = fakeSuggest(request, sliceSamples(request.slice), NX, NY, { suggestionId: `5a000000-0000-4000-8000-${String(suggestions.length).padStart(12, '0')}`, started });
        return send(200, 'application/json', JSON.stringify(reply));
      }
      if (url.pathname === '/fake-hub/reject' && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        rejections.push(JSON.parse(body));
        return send(204, 'text/plain', '');
      }
      if (url.pathname === '/fake-hub/annotations') {
        const list = [...annotations.entries()].filter(([, c]) => c.itemId === url.searchParams.get('itemId')).map(([annotationId, c]) => ({ ...c, annotationId }));
        return send(200, 'application/json', JSON.stringify(list));
      }
      if (url.pathname.startsWith('/dist/')) {
        const file = normalize(join(DIST, url.pathname.slice(6)));
        if (!file.startsWith(DIST)) return send(403, 'text/plain', 'no');
        return send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
      }
      send(404, 'text/plain', 'not found');
    } catch (err) {
      send(500, 'text/plain', String(err?.stack ?? err));
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startHarness(Number(process.argv[2] ?? 5178));
  console.log(`harness on http://127.0.0.1:${server.address().port}/`);
}
