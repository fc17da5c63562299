// Drawing near earlier labels, the annotation list and points, in headless chromium against the
// dev harness: a point pressed on a box's edge and on a thick scribble is drawn (not a grab),
// Delete with nothing selected deletes nothing, a row click selects and goes to the slice, hide
// and delete from the list, undo/redo one step per press. Saves /tmp/workspace-draw*.png.
// Usage: npm run build && node dev/smoke-draw.mjs
import assert from 'node:assert/strict';
import { startSmoke } from './smoke-browser.mjs';

const smoke = await startSmoke();
const { page, errors, open, step } = smoke;
try {
  await open(`${smoke.base}?cpu=1`);
  const vp = page.getByTestId('viewport');
  const box = await vp.boundingBox();
  const at = (fx, fy) => [box.x + box.width * fx, box.y + box.height * fy];
  const ws = (f, arg) => page.evaluate(f, arg);
  const count = () => ws(() => window.__weakseg.annotations().length);
  const drag = async (...path) => {
    await page.mouse.move(...at(...path[0])); await page.mouse.down();
    for (const p of path.slice(1)) await page.mouse.move(...at(...p), { steps: 6 });
    await page.mouse.up(); await page.waitForTimeout(600);
  };
  const click = async (fx, fy) => { await page.mouse.click(...at(fx, fy)); await page.waitForTimeout(600); };
  await ws(() => window.__weakseg.setSlice(20));
  await page.waitForTimeout(300);

  await page.getByTestId('tool-box').click();
  await drag([0.40, 0.40], [0.5, 0.5], [0.56, 0.56]);
  await page.getByTestId('tool-scribble').click();
  await page.getByTestId('scribble-width').fill('12');
  await drag([0.30, 0.70], [0.40, 0.72], [0.50, 0.70]);
  assert.equal(await count(), 2);
  await page.getByTestId('tool-point').click();
  await click(0.40, 0.48); // on the box's left edge
  await page.getByTestId('tool-point-negative').click();
  await click(0.40, 0.71); // on the thick scribble
  const kinds = await ws(() => window.__weakseg.annotations().map((a) => a.kind));
  assert.deepEqual(kinds, ['box', 'scribble', 'point', 'point'], 'both points drawn, nothing grabbed');
  const box0 = await ws(() => JSON.stringify(window.__weakseg.annotations()[0].box));
  step(`points drawn on a box edge and on a scribble; box unchanged ${box0}`);
  assert.deepEqual(await ws(() => window.__weakseg.selected()), [], 'a drawing tool selects nothing');
  await page.keyboard.press('Delete');
  await page.waitForTimeout(200);
  assert.equal(await count(), 4, 'Delete with nothing selected deletes nothing');
  await page.screenshot({ path: '/tmp/workspace-draw.png' });

  // The list: row click selects and jumps.
  await ws(() => window.__weakseg.setSlice(3));
  await page.waitForTimeout(300);
  await page.getByTestId('annotation-row').nth(0).click();
  await page.waitForTimeout(300);
  assert.equal(await ws(() => window.__weakseg.slice()), 20, 'the row click went to the slice');
  assert.equal((await ws(() => window.__weakseg.selected())).length, 1);
  await page.getByTestId('annotation-row').nth(2).hover();
  await page.waitForTimeout(200);
  assert.ok(await ws(() => window.__weakseg.highlighted()), 'hovering a row highlights its label');
  await page.screenshot({ path: '/tmp/workspace-draw-list.png' });
  const [x0, y0] = at(0.3, 0.38);
  await page.screenshot({ path: '/tmp/workspace-draw-points.png', clip: { x: x0, y: y0, width: box.width * 0.3, height: box.height * 0.38 } });
  await page.getByTestId('annotation-row').nth(0).hover(); // the selected box, hovered: still drawn selected
  await page.screenshot({ path: '/tmp/workspace-draw-selected-hover.png', clip: { x: box.x + box.width * 0.3, y: box.y + box.height * 0.3, width: box.width * 0.35, height: box.height * 0.5 } });
  await page.getByTestId('annotation-row').nth(1).getByTestId('annotation-hide').click();
  assert.equal((await ws(() => window.__weakseg.hidden())).length, 1);
  assert.equal(await count(), 4, 'hide deletes nothing');
  await page.getByTestId('annotation-row').nth(3).getByTestId('annotation-delete').click();
  assert.equal(await count(), 3);
  // Undo: one step per press; redo brings it back.
  await page.keyboard.press('Control+z');
  assert.equal(await count(), 4);
  await page.keyboard.press('Control+z');
  assert.equal(await count(), 3);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await count(), 3);
  await page.getByTestId('redo').isDisabled();
  step('list: select and jump, hover, hide, delete; undo/redo one step per press');

  // The select tool (V) grabs: a click on the box's edge selects it, a drag moves it; Alt does the same with a drawing tool.
  const boxNow = () => ws(() => window.__weakseg.annotations().find((a) => a.kind === 'box').box);
  await page.keyboard.press('v');
  await click(0.40, 0.45);
  assert.equal((await ws(() => window.__weakseg.selected())).length, 1, 'the select tool selects what it clicks');
  const before = await boxNow();
  await drag([0.40, 0.45], [0.43, 0.47], [0.45, 0.49]);
  await page.waitForTimeout(300);
  const after = await boxNow();
  assert.ok(after.x0 > before.x0 + 5, `the select tool moves the box (${before.x0} → ${after.x0})`);
  await click(0.8, 0.2);
  assert.deepEqual(await ws(() => window.__weakseg.selected()), [], 'a click on nothing deselects');
  // A point is grabbed anywhere on its disc; Escape in the select tool clears the selection.
  const p0 = await ws(() => { const w = window.__weakseg; const p = w.annotations().find((a) => a.kind === 'point').point; return w.viewport.worldToCanvas(w.indexToWorld([p.x, p.y, w.slice()])); });
  await page.mouse.click(box.x + p0[0] + 8, box.y + p0[1]);
  await page.waitForTimeout(600);
  assert.equal((await ws(() => window.__weakseg.selected())).length, 1, 'a click on the disc\'s rim selects the point');
  await page.keyboard.press('Escape');
  assert.deepEqual(await ws(() => window.__weakseg.selected()), [], 'Escape in the select tool clears the selection');
  const n = await count();
  // Alt + drag with the point tool moves the box and draws no point.
  await page.getByTestId('tool-point').click();
  const edge = await ws(([i, j]) => { const w = window.__weakseg; return w.viewport.worldToCanvas(w.indexToWorld([i, j, w.slice()])); }, [after.x0, (after.y0 + after.y1) / 2]);
  await page.keyboard.down('Alt');
  await page.mouse.move(box.x + edge[0], box.y + edge[1]); await page.mouse.down();
  await page.mouse.move(box.x + edge[0] + 30, box.y + edge[1], { steps: 6 }); await page.mouse.up();
  await page.keyboard.up('Alt');
  await page.waitForTimeout(600);
  assert.equal(await count(), n, 'Alt + drag drew no point');
  assert.ok((await boxNow()).x0 > after.x0 + 5, 'Alt + drag moved the box');
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  assert.deepEqual(await boxNow(), after, 'undo puts the Alt-moved box back');
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  assert.deepEqual(await boxNow(), before, 'undo puts the moved box back');
  assert.equal(await count(), n);
  step('select tool: click selects, drag moves, click on nothing deselects; undo of the move');
  assert.deepEqual(errors, []);
  console.log('smoke-draw: ok');
} finally {
  await smoke.close();
}
