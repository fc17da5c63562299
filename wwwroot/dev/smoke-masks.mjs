// Smoke test of the full-mask tools in Debian's headless chromium against the dev harness:
// polygon, brush and eraser are offered when allowed, draw, undo/redo, read back after a
// reload, help lists their keys; and are not offered when the project does not allow them.
// Usage: npm run build && node dev/smoke-masks.mjs
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { startHarness, resetFakeHub, received } from './harness.mjs';

const server = await startHarness(0);
const root = `http://127.0.0.1:${server.address().port}/?cpu=1`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const step = (s) => console.log(`· ${s}`);
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  resetFakeHub();
  const open = async (url) => {
    await page.goto(url);
    await page.waitForFunction(() => window.__mountedAt != null, null, { timeout: 60000 });
    await page.evaluate(() => window.__weakseg.ready);
  };

  await open(root);
  assert.equal(await page.getByTestId('tool-polygon').count(), 0, 'no polygon tool where the project does not ask for masks');
  assert.equal(await page.getByTestId('tool-brush').count(), 0);
  step('weak-only project: no mask tools');

  await open(`${root}&kinds=tag,box,scribble,point,polygon,brush`);
  for (const id of ['polygon', 'brush', 'eraser']) {
    const b = page.getByTestId(`tool-${id}`);
    assert.equal(await b.count(), 1, `tool-${id} offered`);
    assert.match(await b.getAttribute('aria-label'), /full mask/);
  }
  const box = await page.getByTestId('viewport').boundingBox();
  const at = (fx, fy) => [box.x + box.width * fx, box.y + box.height * fy];
  const drag = async (pts) => {
    await page.mouse.move(...at(...pts[0]));
    await page.mouse.down();
    for (const p of pts.slice(1)) await page.mouse.move(...at(...p), { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(500);
  };

  await page.keyboard.press('L');
  assert.equal(await page.evaluate(() => window.__weakseg.mode()), 'polygon', 'L selects the polygon tool');
  await drag([[0.4, 0.4], [0.55, 0.4], [0.55, 0.55], [0.4, 0.55], [0.401, 0.405]]);
  await page.getByTestId('tool-brush').click();
  await page.getByTestId('class-2').click();
  await drag([[0.42, 0.47], [0.5, 0.48], [0.53, 0.5]]);
  await page.keyboard.press('E');
  await drag([[0.45, 0.47], [0.48, 0.48]]);
  let anns = await page.evaluate(() => window.__weakseg.annotations());
  assert.deepEqual(anns.map((a) => a.kind), ['polygon', 'brush', 'brush'], JSON.stringify(anns.map((a) => a.kind)));
  assert.ok(anns[0].polygon.points.length >= 3 && anns[0].classId === 1, 'polygon of class 1');
  assert.deepEqual([anns[1].brush.erase, anns[1].classId, anns[2].brush.erase], [false, 2, true]);
  assert.equal(anns[1].brush.width, 3);
  step(`drew polygon (${anns[0].polygon.points.length} points), brush and eraser strokes`);

  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  assert.equal((await page.evaluate(() => window.__weakseg.annotations())).length, 2, 'undo removes the eraser stroke');
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForTimeout(300);
  anns = await page.evaluate(() => window.__weakseg.annotations());
  assert.equal(anns.length, 3, 'redo brings it back');
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  const kinds = received.map((c) => (c.kind === 'brush' ? (c.brush.erase ? 'erase' : 'paint') : c.kind));
  assert.deepEqual(kinds, ['polygon', 'paint', 'erase', 'delete', 'erase']);
  step('undo/redo as delete / re-create');

  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  for (const label of ['Polygon (full mask)', 'Brush (full mask)', 'Eraser (full mask)']) {
    assert.equal(await help.getByText(label, { exact: true }).count(), 1, `help lists ${label}`);
  }
  await page.keyboard.press('Escape');

  const before = anns.map((a) => a.commandId).sort();
  await open(`${root}&kinds=tag,box,scribble,point,polygon,brush`);
  const back = await page.evaluate(() => window.__weakseg.annotations());
  assert.deepEqual(back.map((a) => a.commandId).sort(), before, 'all three are back after a reload');
  assert.ok(back.some((a) => a.brush?.erase), 'the eraser stroke reads back as one');
  await page.screenshot({ path: process.env.SCREENSHOT ?? '/tmp/workspace-masks.png' });
  step('read back after reload');
  assert.deepEqual(errors, [], 'no page errors');
  console.log('smoke-masks: ok');
} finally {
  await browser.close();
  server.close();
}
