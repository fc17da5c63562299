// Smoke test of the full-mask tools in Debian's headless chromium against the dev harness:
// polygon, brush and eraser are offered when allowed, draw, undo/redo, read back after a
// reload, help lists their keys; and are not offered when the project does not allow them.
// Polygons by clicks (vertex, rubber band, Backspace, Escape, Enter, first-vertex click,
// double-click) and the composed label map (eraser removes its own class only, undo, reload).
// Usage: npm run build && node dev/smoke-masks.mjs
import assert from 'node:assert/strict';
import { received, batches } from './harness.mjs';
import { startSmoke } from './smoke-browser.mjs';

const smoke = await startSmoke();
const { page, errors, open, step } = smoke;
const root = `${smoke.base}?cpu=1`;
try {
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
  // A click takes effect ≈400 ms late (Cornerstone waits to tell it from a double-click).
  const click = async (fx, fy) => { await page.mouse.click(...at(fx, fy)); await page.waitForTimeout(550); };
  const vertices = () => page.evaluate(() => window.__weakseg.clickedVertices().length);
  /** Composed label (class id, 0 none) under the viewport point (fx, fy) of the slice on screen. */
  const labelAt = (fx, fy) => page.evaluate(([x, y]) => {
    const ws = window.__weakseg;
    const [i, j] = ws.worldToIndex(ws.viewport.canvasToWorld([x, y])).map(Math.round);
    return ws.maskAt(i, j);
  }, [box.width * fx, box.height * fy]);

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

  // Composed: the class-2 stroke over the class-1 polygon shows class 2; where the class-2 eraser
  // went, class 2 is gone and the polygon's class 1 shows again; outside everything, nothing.
  assert.equal(await labelAt(0.51, 0.4867), 2, 'brush paint of class 2 over the polygon');
  assert.equal(await labelAt(0.465, 0.475), 1, 'the class-2 eraser uncovers the class-1 polygon');
  assert.equal(await labelAt(0.43, 0.53), 1, 'polygon fill');
  assert.equal(await labelAt(0.3, 0.3), 0, 'no paint outside');
  assert.equal(await page.getByTestId('mask-layer').count(), 1, 'one composed mask layer');
  step('composed label map: paint in order, eraser per class');

  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  assert.equal((await page.evaluate(() => window.__weakseg.annotations())).length, 2, 'undo removes the eraser stroke');
  assert.equal(await labelAt(0.465, 0.475), 2, 'undoing the eraser brings its paint back');
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForTimeout(300);
  anns = await page.evaluate(() => window.__weakseg.annotations());
  assert.equal(anns.length, 3, 'redo brings it back');
  assert.equal(await labelAt(0.465, 0.475), 1, 'redoing the eraser erases again');
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  const kinds = received.map((c) => (c.kind === 'brush' ? (c.brush.erase ? 'erase' : 'paint') : c.kind));
  assert.deepEqual(kinds, ['polygon', 'paint', 'erase', 'delete', 'erase']);
  step('undo/redo as delete / re-create');

  // Polygon by clicks.
  await page.keyboard.press('L');
  await page.getByTestId('class-1').click();
  await click(0.62, 0.3); await click(0.7, 0.3);
  assert.equal(await vertices(), 2, 'each click places a vertex');
  await page.mouse.move(...at(0.7, 0.36), { steps: 3 });
  assert.equal(await page.getByTestId('click-polygon').getAttribute('data-vertices'), '2', 'the open outline is drawn');
  await page.keyboard.press('Escape');
  assert.equal(await vertices(), 0, 'Escape drops the clicked outline');
  assert.equal(await page.evaluate(() => window.__weakseg.mode()), 'polygon', 'and stays in the polygon tool');
  await click(0.62, 0.3); await click(0.7, 0.3); await click(0.75, 0.5);
  await page.keyboard.press('Backspace');
  assert.equal(await vertices(), 2, 'Backspace takes back the last vertex');
  // Clicked quickly (Cornerstone alone would drop a press within 400 ms of the last).
  await page.mouse.click(...at(0.7, 0.38)); await page.waitForTimeout(120);
  await page.mouse.click(...at(0.62, 0.38)); await page.waitForTimeout(120);
  assert.equal(await vertices(), 4, 'quick clicks each place a vertex');
  await click(0.6205, 0.3005);
  assert.equal(await vertices(), 0, 'a click on the first vertex closes it');
  anns = await page.evaluate(() => window.__weakseg.annotations());
  const clicked = anns.at(-1);
  assert.equal(clicked.kind, 'polygon');
  assert.equal(clicked.polygon.points.length, 4, JSON.stringify(clicked.polygon.points));
  assert.equal(await labelAt(0.66, 0.34), 1, 'the clicked polygon is filled');
  await click(0.58, 0.6); await click(0.64, 0.6); await click(0.64, 0.68);
  await page.keyboard.press('Enter');
  assert.equal(await vertices(), 0, 'Enter closes it');
  await click(0.4, 0.62); await click(0.46, 0.62);
  await page.mouse.dblclick(...at(0.43, 0.7));
  await page.waitForTimeout(550);
  assert.equal(await vertices(), 0, 'a double-click closes it');
  anns = await page.evaluate(() => window.__weakseg.annotations());
  assert.deepEqual(anns.slice(-3).map((a) => [a.kind, a.polygon?.points.length]), [['polygon', 4], ['polygon', 3], ['polygon', 3]]);
  await click(0.42, 0.75); await click(0.47, 0.75);
  await page.keyboard.press('Enter');
  assert.equal(await vertices(), 2, 'Enter with two vertices closes nothing');
  assert.match(await page.getByTestId('message').textContent(), /at least three points/);
  await page.keyboard.press('Escape');
  await drag([[0.38, 0.25], [0.44, 0.25], [0.44, 0.32], [0.38, 0.32], [0.381, 0.255]]);
  anns = await page.evaluate(() => window.__weakseg.annotations());
  assert.equal(anns.length, 7, 'press and drag still traces a polygon');
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  assert.deepEqual(received.slice(5).map((c) => c.kind), ['polygon', 'polygon', 'polygon', 'polygon'], 'each polygon is one polygon command');
  step('polygon by clicks: vertex, Escape, Backspace, first vertex, Enter, double-click; tracing still works');

  // Offline: two strokes and an undo wait in the outbox; back online they go as one SubmitMany
  // run that stops before the delete (its annotationId comes with the second stroke's ack).
  await page.evaluate(() => window.__fakeHub.goOffline());
  await page.keyboard.press('M');
  await drag([[0.35, 0.8], [0.4, 0.82]]);
  await drag([[0.35, 0.85], [0.4, 0.86]]);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.__weakseg.outbox().pending === 3);
  const sentBefore = received.length;
  assert.deepEqual(batches, [], 'nothing batched while every flush had one command');
  await page.evaluate(() => window.__fakeHub.goOnline());
  await page.waitForFunction(() => window.__weakseg.outbox().text === 'saved');
  assert.deepEqual(batches, [2], 'one SubmitMany of the two strokes');
  assert.deepEqual(received.slice(sentBefore).map((c) => c.kind), ['brush', 'brush', 'delete']);
  assert.ok(received.at(-1).delete.annotationId, 'the delete went with the annotationId of its stroke');
  step('offline strokes flushed as one SubmitMany run, the delete after it');

  anns = await page.evaluate(() => window.__weakseg.annotations());
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  for (const label of ['Polygon (full mask)', 'Brush (full mask)', 'Eraser (full mask)']) {
    assert.equal(await help.getByText(label, { exact: true }).count(), 1, `help lists ${label}`);
  }
  await page.keyboard.press('Escape');

  const before = anns.map((a) => a.commandId).sort();
  await open(`${root}&kinds=tag,box,scribble,point,polygon,brush`);
  const back = await page.evaluate(() => window.__weakseg.annotations());
  assert.equal(back.length, 8, 'all eight are back after a reload');
  assert.ok(before.every((id) => back.some((a) => a.commandId === id)));
  assert.ok(back.some((a) => a.brush?.erase), 'the eraser stroke reads back as one');
  assert.equal(await labelAt(0.465, 0.475), 1, 'the composed picture is the same after a reload');
  assert.equal(await labelAt(0.51, 0.4867), 2);
  assert.equal(await labelAt(0.66, 0.34), 1);
  await page.screenshot({ path: process.env.SCREENSHOT ?? '/tmp/workspace-masks.png' });
  step('read back after reload');
  assert.deepEqual(errors, [], 'no page errors');
  console.log('smoke-masks: ok');
} finally {
  await smoke.close();
}
