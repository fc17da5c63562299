// Smoke test of the built bundle in Debian's headless chromium (playwright-core, no browser
// download): mount against the dev harness, scroll, draw a box, a scribble and points, go
// offline, reload, check that everything is still drawn, undo/redo, tags, help; prints
// timings and saves /tmp/workspace.png. Usage: npm run build && node dev/smoke.mjs [--cpu]
import assert from 'node:assert/strict';
import { received, refuseNextCreate } from './harness.mjs';
import { startSmoke } from './smoke-browser.mjs';

const cpu = process.argv.includes('--cpu');
const shot = process.env.SCREENSHOT ?? '/tmp/workspace.png';
const smoke = await startSmoke();
const { page, errors, open, step } = smoke;
const base = `${smoke.base}${cpu ? '?cpu=1' : ''}`;
const figures = {};
try {
  await open(base);
  figures.firstRenderMs = Math.round(await page.evaluate(() => window.__mountedAt));
  figures.mountMs = Math.round(await page.evaluate(() => window.__mountTime));
  step(`first render ${figures.firstRenderMs} ms after navigation (mount ${figures.mountMs} ms)`);
  const vp = page.getByTestId('viewport');
  const box = await vp.boundingBox();
  const at = (fx, fy) => [box.x + box.width * fx, box.y + box.height * fy];

  // Slice scrolling: wheel, keys, and a timed sweep (set index → image rendered).
  const k0 = await page.evaluate(() => window.__weakseg.slice());
  await page.mouse.move(...at(0.5, 0.5));
  for (let n = 0; n < 3; n++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(120); }
  const k1 = await page.evaluate(() => window.__weakseg.slice());
  assert.notEqual(k1, k0, 'the wheel scrolls slices');
  await page.keyboard.press('ArrowUp');
  await page.waitForTimeout(150);
  assert.equal(await page.evaluate(() => window.__weakseg.slice()), k1 - 1, 'ArrowUp goes back a slice');
  figures.scroll = await page.evaluate(async () => {
    const ws = window.__weakseg, el = ws.viewport.element;
    const rendered = () => Promise.race([
      new Promise((r) => el.addEventListener('CORNERSTONE_IMAGE_RENDERED', r, { once: true })),
      new Promise((_, no) => setTimeout(() => no(new Error('no render within 5 s')), 5000)),
    ]);
    await ws.setSlice(0); await new Promise((r) => setTimeout(r, 300));
    const times = [];
    for (const k of [...Array(16).keys()].map((n) => 10 + n)) {
      const t = performance.now(); const done = rendered();
      await ws.setSlice(k); await done; times.push(performance.now() - t);
    }
    // again: now every slice is cached
    const cached = [];
    for (const k of [...Array(16).keys()].map((n) => 24 - n)) {
      const t = performance.now(); const done = rendered();
      await ws.setSlice(k); await done; cached.push(performance.now() - t);
    }
    const mean = (a) => a.reduce((s, x) => s + x, 0) / a.length;
    return { sequentialMs: +mean(times).toFixed(1), cachedMs: +mean(cached).toFixed(1), maxMs: +Math.max(...times).toFixed(1), slicesCached: ws.cachedSlices() };
  });
  step(`slice scroll: ${figures.scroll.sequentialMs} ms per slice scrolling forward (prefetch on), ${figures.scroll.cachedMs} ms per cached slice`);
  await page.evaluate(() => window.__weakseg.setSlice(20));
  await page.waitForTimeout(200);

  // Value readout over the lesion.
  await page.mouse.move(...at(0.56, 0.47));
  await page.waitForTimeout(150);
  const readout = await page.getByTestId('voxel-value').textContent();
  step(`voxel readout: ${readout}`);
  assert.match(readout, /HU/);

  // Box (class Tumour).
  await page.getByTestId('tool-box').click();
  await page.getByTestId('class-1').click();
  await page.mouse.move(...at(0.52, 0.42));
  await page.mouse.down();
  await page.mouse.move(...at(0.56, 0.46), { steps: 4 });
  await page.mouse.move(...at(0.61, 0.52), { steps: 6 });
  await page.mouse.up();
  await page.waitForTimeout(600);

  // Scribble (class Liver) across the organ.
  await page.getByTestId('tool-scribble').click();
  await page.getByTestId('class-2').click();
  await page.mouse.move(...at(0.36, 0.44));
  await page.mouse.down();
  for (const [fx, fy] of [[0.38, 0.47], [0.40, 0.45], [0.42, 0.49], [0.44, 0.47], [0.45, 0.52]]) await page.mouse.move(...at(fx, fy), { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(600);

  // Background scribble outside the body's organs.
  await page.keyboard.press('0');
  await page.mouse.move(...at(0.45, 0.66));
  await page.mouse.down();
  for (const [fx, fy] of [[0.5, 0.68], [0.55, 0.66], [0.6, 0.69]]) await page.mouse.move(...at(fx, fy), { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(600);

  // Positive point in the lesion.
  await page.getByTestId('tool-point').click();
  await page.getByTestId('class-1').click();
  await page.mouse.click(...at(0.565, 0.47));
  await page.waitForTimeout(700);

  let anns = await page.evaluate(() => window.__weakseg.annotations());
  step(`drawn: ${anns.map((a) => `${a.kind}@k${a.slice} class ${a.classId}`).join(', ')}`);
  assert.deepEqual(anns.map((a) => a.kind).sort(), ['box', 'point', 'scribble', 'scribble']);
  const boxCmd = anns.find((a) => a.kind === 'box');
  assert.equal(boxCmd.slice, 20); assert.equal(boxCmd.classId, 1);
  assert.ok(boxCmd.box.x1 - boxCmd.box.x0 > 10, 'box has a size in voxels');
  assert.ok(anns.some((a) => a.kind === 'scribble' && a.classId === 0), 'a background scribble');
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  assert.equal(await page.getByTestId('save-status').textContent(), 'saved');

  // Tag: Tumour present on the whole item.
  await page.getByTestId('tag-item-1-present').click();
  await page.waitForFunction(() => window.__weakseg.tags().length === 1 && window.__weakseg.outbox().text === 'saved');
  await page.getByTestId('tag-item-1-absent').click();
  await page.waitForFunction(() => window.__weakseg.tags()[0]?.present === false && window.__weakseg.outbox().text === 'saved');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.__weakseg.tags()[0]?.present === true && window.__weakseg.outbox().text === 'saved');
  assert.equal(await page.getByTestId('tag-item-1-present').getAttribute('aria-pressed'), 'true');
  step('tag set, changed, change undone');

  // Offline: a negative point waits in the outbox, survives reloads, is sent once back online.
  await page.evaluate(() => window.__fakeHub.goOffline());
  await page.keyboard.press('N');
  await page.mouse.click(...at(0.47, 0.56));
  await page.waitForTimeout(700);
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'offline, 1 waiting', null, { timeout: 10000 }).catch(async (err) => {
    console.log(JSON.stringify(await page.evaluate(() => ({ s: window.__weakseg.state(), o: window.__weakseg.outbox(), a: window.__weakseg.annotations().length }))));
    await page.screenshot({ path: '/tmp/ws-fail.png' });
    throw err;
  });
  step(`status while offline: ${await page.getByTestId('save-status').textContent()}`);
  await open(`${base}${base.includes('?') ? '&' : '?'}offline=1`);
  anns = await page.evaluate(() => window.__weakseg.annotations());
  assert.equal(anns.length, 1, 'offline reload shows the pending point from the outbox');
  assert.equal(await page.getByTestId('save-status').textContent(), 'offline, 1 waiting');
  await open(base);
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  anns = await page.evaluate(() => window.__weakseg.annotations());
  step(`after reload: ${anns.map((a) => `${a.kind}${a.point ? (a.point.positive ? '+' : '−') : ''}@k${a.slice}`).join(', ')}`);
  assert.equal(anns.length, 5, 'box, 2 scribbles, 2 points after reload');
  assert.equal(await page.getByTestId('tag-item-1-present').getAttribute('aria-pressed'), 'true', 'the tag came back');
  await page.evaluate(() => window.__weakseg.setSlice(20));
  await page.waitForTimeout(400);
  const shapes = await page.locator('svg.svg-layer').evaluate((svg) => ({
    rect: svg.querySelectorAll('rect').length, polyline: svg.querySelectorAll('polyline, path').length, circle: svg.querySelectorAll('circle').length,
  }));
  step(`SVG shapes on slice 20 after reload: ${JSON.stringify(shapes)}`);
  await page.screenshot({ path: shot.replace(/\.png$/, '-reloaded.png') });
  assert.ok(shapes.rect >= 1 && shapes.polyline >= 2 && shapes.circle >= 2, 'box, both scribbles and both points are drawn on slice 20');

  // Undo the last point (a delete goes out), redo it (a new create goes out).
  await page.getByTestId('tool-box').click();
  await page.mouse.move(...at(0.3, 0.3));
  await page.mouse.down(); await page.mouse.move(...at(0.34, 0.35), { steps: 5 }); await page.mouse.up();
  await page.waitForTimeout(600);
  assert.equal((await page.evaluate(() => window.__weakseg.annotations())).length, 6);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.__weakseg.annotations().length === 5 && window.__weakseg.outbox().text === 'saved');
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForFunction(() => window.__weakseg.annotations().length === 6 && window.__weakseg.outbox().text === 'saved');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.__weakseg.annotations().length === 5 && window.__weakseg.outbox().text === 'saved');
  step('undo/redo ok');

  // Move: drag the box's bottom-right handle in select mode → a delete and a new create.
  await page.getByTestId('tool-select').click();
  const before = (await page.evaluate(() => window.__weakseg.annotations())).find((a) => a.kind === 'box');
  const corner = await page.evaluate(({ x1, y1 }) => {
    const vp = window.__weakseg.viewport;
    return vp.worldToCanvas(window.__weakseg.indexToWorld([x1, y1, 20]));
  }, before.box);
  const rect = await vp.boundingBox();
  const sentBefore = received.length;
  await page.mouse.move(rect.x + corner[0], rect.y + corner[1]);
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.mouse.move(rect.x + corner[0] + 30, rect.y + corner[1] + 20, { steps: 6 });
  await page.mouse.up();
  await page.waitForTimeout(600);
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  const after = (await page.evaluate(() => window.__weakseg.annotations())).find((a) => a.kind === 'box');
  const moved = received.slice(sentBefore);
  step(`move: box ${JSON.stringify(before.box)} → ${JSON.stringify(after.box)}; sent ${moved.map((c) => c.kind).join(', ')}`);
  assert.ok(after.box.x1 > before.box.x1 + 5 && after.box.y1 > before.box.y1 + 3, 'the corner moved');
  assert.deepEqual(moved.map((c) => c.kind), ['delete', 'box']);
  assert.equal(after.box.x0, before.box.x0);
  const boxNow = async () => (await page.evaluate(() => window.__weakseg.annotations())).find((a) => a.kind === 'box')?.box;
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  assert.deepEqual(await boxNow(), before.box, 'undo of a move puts the box back');
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  assert.deepEqual(await boxNow(), after.box, 'redo moves it again');
  step('undo/redo of the move ok');
  const c2 = await page.evaluate(({ x1, y1 }) => window.__weakseg.viewport.worldToCanvas(window.__weakseg.indexToWorld([x1, y1, 20])), after.box);
  await page.mouse.click(rect.x + c2[0], rect.y + c2[1]);
  await page.waitForTimeout(600);

  // Delete: the selected box goes away and a delete is sent.
  const n0 = (await page.evaluate(() => window.__weakseg.annotations())).length;
  await page.keyboard.press('Delete');
  await page.waitForFunction((n) => window.__weakseg.annotations().length === n - 1 && window.__weakseg.outbox().text === 'saved', n0);
  assert.equal(received.at(-1).kind, 'delete');
  step('delete ok');

  // Refusal: the server's reason is shown and the annotation disappears.
  refuseNextCreate('Points are not allowed in this project.');
  await page.keyboard.press('P');
  await page.mouse.click(...at(0.62, 0.6));
  await page.waitForFunction(() => document.querySelector('[data-testid="message"]')?.textContent.includes('not allowed'));
  await page.waitForFunction((n) => window.__weakseg.annotations().length === n - 1 && window.__weakseg.outbox().text === 'saved', n0);
  step(`refusal shown: "${await page.getByTestId('message').textContent()}"`);

  // Window/level by right-drag: computed in the browser, no request per change.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const wl0 = await page.getByTestId('window-readout').textContent();
  await page.mouse.move(...at(0.3, 0.8));
  await page.mouse.down({ button: 'right' });
  await page.mouse.move(...at(0.36, 0.74), { steps: 8 });
  await page.mouse.up({ button: 'right' });
  await page.waitForTimeout(200);
  const wl1 = await page.getByTestId('window-readout').textContent();
  step(`window/level: ${wl0} → ${wl1}, requests during drag: ${requests.length}`);
  assert.notEqual(wl1, wl0);
  assert.equal(requests.length, 0);
  await page.getByTestId('window-preset').selectOption({ label: 'Soft tissue (400/40)' });

  // Help overlay.
  await page.keyboard.press('?');
  assert.equal(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible(), true);
  await page.screenshot({ path: shot.replace(/\.png$/, '-help.png') });
  await page.keyboard.press('Escape');

  // A final box for the picture, then the select tool hovering the lesion.
  await page.getByTestId('tool-box').click();
  await page.keyboard.press('1');
  await page.mouse.move(...at(0.52, 0.42)); await page.mouse.down();
  await page.mouse.move(...at(0.61, 0.52), { steps: 6 }); await page.mouse.up();
  await page.waitForTimeout(600);
  await page.getByTestId('tool-select').click();
  await page.mouse.move(...at(0.58, 0.45));
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  await page.waitForTimeout(6500); // let the refusal message fade
  await page.screenshot({ path: shot });
  step(`screenshot ${shot}`);
  // Unmount leaves nothing behind.
  await page.evaluate(() => window.__workspace.unmount());
  assert.equal(await page.locator('#app').evaluate((e) => e.children.length), 0);
  assert.equal(await page.evaluate(() => window.__weakseg), undefined);
  step('unmount ok');
  const unexpected = errors.filter((e) => !/favicon/.test(e));
  if (unexpected.length) console.log('page errors:\n  ' + unexpected.join('\n  '));
  console.log(JSON.stringify({ figures }, null, 1));
  console.log('SMOKE OK');
} finally {
  await smoke.close();
}
