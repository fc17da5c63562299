// The suggestion tool in headless chromium against the dev harness's fake Suggest: a box around the
// organ → the overlay; Enter → a mask label saved with its provenance; reload → still there; then
// clicks, a negative click, Backspace, Esc (rejected), a third accepted; supersession of a slow
// answer; offline; a project without masks. Saves /tmp/suggest-*.png.
// Usage: npm run build && node dev/smoke-suggest.mjs
import assert from 'node:assert/strict';
import { startSmoke } from './smoke-browser.mjs';
import { received, rejections, suggestions, setSuggestDelay } from './harness.mjs';

const smoke = await startSmoke();
const { page, errors, open, step } = smoke;
const KINDS = 'tag,box,scribble,point,polygon,brush,mask';
try {
  await open(`${smoke.base}?cpu=1&kinds=${KINDS}`);
  const ws = (f, arg) => page.evaluate(f, arg);
  const vpBox = await page.getByTestId('viewport').boundingBox();
  /** Page coordinates of index (i, j) on the slice shown. */
  const at = (i, j) => ws(([i, j]) => {
    const w = window.__weakseg; const k = w.slice();
    const [x, y] = w.viewport.worldToCanvas(w.indexToWorld([i, j, k]));
    return [x, y];
  }, [i, j]).then(([x, y]) => [vpBox.x + x, vpBox.y + y]);
  const drag = async (a, b) => {
    await page.mouse.move(...await at(...a)); await page.mouse.down();
    const [x, y] = await at(...b);
    await page.mouse.move(x, y, { steps: 8 }); await page.mouse.up();
  };
  const click = async (i, j, modifiers = []) => {
    for (const m of modifiers) await page.keyboard.down(m);
    await page.mouse.click(...await at(i, j));
    for (const m of modifiers) await page.keyboard.up(m);
  };
  const suggestion = () => ws(() => window.__weakseg.suggestion());
  const shownVoxels = async () => Number(await page.getByTestId('suggest-layer').getAttribute('data-voxels'));
  const waitShown = (n = 1) => page.waitForFunction((n) => (window.__weakseg.suggestion().shown && !window.__weakseg.suggestion().waiting && window.__weakseg.suggestion().object?.prompt.points.length >= 0) && n, n, { timeout: 10000 });
  const masks = () => ws(() => window.__weakseg.annotations().filter((a) => a.kind === 'mask'));
  const waitSaved = () => page.waitForFunction(() => window.__weakseg.outbox().text === 'saved', null, { timeout: 10000 });

  await ws(() => window.__weakseg.setSlice(20));
  await page.waitForTimeout(300);
  await page.keyboard.press('a');
  assert.equal(await ws(() => window.__weakseg.mode()), 'suggest', 'A picks the Suggest tool');
  assert.equal(await page.getByTestId('suggest-panel').isVisible(), true);
  assert.equal(await page.getByTestId('suggest-readiness').textContent(), 'slice ready', 'a classical engine is always ready');
  assert.match(await page.getByTestId('tool-suggest').getAttribute('title'), /Suggest.*\(A\)/);

  // 1. A box around the organ (centre ≈ (80, 133), radii ≈ 37 × 45 voxels).
  await drag([38, 84], [122, 182]);
  await waitShown();
  let s = await suggestion();
  assert.equal(s.shown.engine, 'fake-grow');
  const v1 = await shownVoxels();
  assert.ok(v1 > 3000 && v1 < 7000, `the organ is suggested (${v1} voxels)`);
  assert.equal(await ws(() => window.__weakseg.annotations().length), 0, 'nothing is saved before accepting');
  assert.match(await page.getByTestId('suggest-answer').textContent(), /ran on harness · score 0\.90 · \d+ ms/);
  await page.screenshot({ path: '/tmp/suggest-box.png' });
  await page.keyboard.press('Enter');
  await waitSaved();
  let saved = await masks();
  assert.equal(saved.length, 1);
  assert.equal(saved[0].slice, 20);
  assert.equal(saved[0].provenance.source, 'suggestion');
  assert.equal(saved[0].provenance.engine, 'fake-grow');
  assert.equal(saved[0].provenance.suggestionId, s.shown.suggestionId);
  assert.equal(saved[0].provenance.objectId, s.object.objectId);
  assert.deepEqual(JSON.parse(saved[0].provenance.prompt).box, s.object.prompt.box);
  assert.equal(await shownVoxels(), 0, 'the suggestion left the screen once accepted');
  assert.deepEqual(await ws(() => window.__weakseg.maskCounts()), { 1: v1 }, 'the accepted mask shows as the class\'s label');
  assert.match(await page.getByTestId('annotation-row').first().textContent(), /Mask · Tumour · suggested by fake-grow/);
  assert.ok(received.some((c) => c.kind === 'mask'), 'the mask went through the outbox to the hub');
  step(`box → ${v1} voxels suggested, Enter → mask label saved with provenance`);

  // Undo works on it like on any label (Ctrl+Z with no prompt open), and redo brings it back.
  await page.keyboard.press('Control+z');
  await waitSaved();
  assert.equal((await masks()).length, 0, 'Ctrl+Z with no suggestion open undoes the label');
  await page.keyboard.press('Control+Shift+z');
  await waitSaved();
  assert.equal((await masks()).length, 1);

  // 2. Reload: the label is still there; clicks, a negative click, Backspace, Esc.
  await open(`${smoke.base}?cpu=1&kinds=${KINDS}`);
  await ws(() => window.__weakseg.setSlice(20));
  await page.waitForTimeout(300);
  saved = await masks();
  assert.equal(saved.length, 1, 'after the reload the mask label is still there');
  assert.equal(saved[0].provenance.engine, 'fake-grow');
  await page.getByTestId('tool-suggest').click();
  await click(155, 118); // on the lesion (centre ≈ (155, 118))
  await waitShown();
  const v2 = await shownVoxels();
  assert.ok(v2 > 500, `a click suggests the lesion (${v2})`);
  const objectId = (await suggestion()).object.objectId;
  await click(155, 118, ['Shift']);
  await page.waitForFunction((v) => Number(document.querySelector('[data-testid="suggest-layer"]').dataset.voxels) < v, v2, { timeout: 10000 });
  s = await suggestion();
  assert.equal(s.object.objectId, objectId, 'the negative click refines the same object');
  assert.deepEqual(s.object.prompt.points.map((p) => p.positive), [true, false]);
  const lastRequest = suggestions.at(-1);
  assert.equal(lastRequest.points.length, 2, 'every request carries all clicks');
  await page.screenshot({ path: '/tmp/suggest-refine.png' });
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => window.__weakseg.suggestion().object?.prompt.points.length === 1 && !window.__weakseg.suggestion().waiting, null, { timeout: 10000 });
  assert.equal(await shownVoxels(), v2, 'Backspace took the negative click back');
  const shownId = (await suggestion()).shown.suggestionId;
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.__weakseg.suggestion().object);
  await page.waitForTimeout(200);
  assert.equal(rejections.length, 1);
  assert.equal(rejections[0].suggestionId, shownId);
  assert.equal(rejections[0].objectId, objectId);
  assert.equal(await ws(() => window.__weakseg.mode()), 'suggest', 'Esc with a suggestion open rejects it and stays in the tool');
  step('reload → label kept; click, negative click refines, Backspace, Esc rejects');

  // 3. A slow answer superseded by a newer one; then N, and a third accepted.
  setSuggestDelay(600);
  await click(80, 133);
  await page.waitForTimeout(100);
  setSuggestDelay(0);
  await click(90, 140);
  await page.waitForTimeout(900);
  s = await suggestion();
  assert.equal(s.shown.requestId, suggestions.at(-1).requestId, 'only the newest answer is shown');
  await page.keyboard.press('n');
  assert.equal((await suggestion()).object, null, 'N: a new object');
  assert.equal(rejections.length, 2);
  await drag([38, 84], [122, 182]);
  await waitShown();
  await page.keyboard.press('Enter');
  await waitSaved();
  assert.equal((await masks()).length, 2);
  step('a slow answer superseded; N starts anew; a third suggestion accepted');

  // Offline: the tool says why, the other tools keep working.
  await ws(() => window.__fakeHub.goOffline());
  await click(155, 118);
  await page.waitForTimeout(200);
  assert.match(await page.getByTestId('suggest-error').textContent(), /Suggestions need the connection/);
  await page.screenshot({ path: '/tmp/suggest-offline.png' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByTestId('tool-box').click();
  await drag([20, 20], [40, 40]);
  assert.equal((await ws(() => window.__weakseg.annotations())).filter((a) => a.kind === 'box').length, 1, 'a box drawn offline');
  assert.match(await page.getByTestId('save-status').textContent(), /offline, 1 waiting/);
  await ws(() => window.__fakeHub.goOnline());
  await waitSaved();
  step('offline: "Suggestions need the connection", a box still drawn and saved later');

  // The ? overlay lists the keys.
  await page.keyboard.press('?');
  const help = await page.getByTestId('shortcut-help').textContent();
  assert.match(help, /Suggestion: accept/);
  assert.match(help, /Suggestion: take back the last prompt/);
  await page.screenshot({ path: '/tmp/suggest-help.png' });
  await page.keyboard.press('Escape');

  // A project without masks: the tool is there, disabled, and says why.
  await open(`${smoke.base}?cpu=1&kinds=tag,box,scribble,point`);
  assert.equal(await page.getByTestId('tool-suggest').getAttribute('aria-disabled'), 'true');
  assert.match(await page.getByTestId('tool-suggest').getAttribute('title'), /does not allow masks/);
  await page.keyboard.press('a');
  assert.match(await page.getByTestId('message').textContent(), /does not allow masks/);
  assert.notEqual(await ws(() => window.__weakseg.mode()), 'suggest');
  step('without masks: disabled, and says why');

  assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  console.log('smoke-suggest: ok');
} finally {
  await smoke.close();
}
