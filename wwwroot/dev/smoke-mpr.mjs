// Multi-planar views in headless chromium against the dev harness: 1×3 layout, crosshair click,
// a scribble and a point drawn on the coronal view stored as axial labels, a box stored on its
// plane, undo as one step per drawing, reload. Saves /tmp/workspace-mpr*.png. Usage: npm run build && node dev/smoke-mpr.mjs
import assert from 'node:assert/strict';
import { startSmoke } from './smoke-browser.mjs';

const smoke = await startSmoke();
const { page, errors, open, step } = smoke;
const ws = (f, arg) => page.evaluate(f, arg);
try {
  await open(`${smoke.base}?cpu=1`);
  await page.getByTestId('layout-1x3').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/workspace-mpr-1x3.png' });
  step(`1×3: ${JSON.stringify(await ws(() => window.__weakseg.mpr()))}`);
  // Crosshair: select tool, click in the axial view.
  await page.getByTestId('tool-select').click();
  const ax = await page.getByTestId('viewport').boundingBox();
  await page.mouse.click(ax.x + ax.width * 0.3, ax.y + ax.height * 0.6);
  await page.waitForTimeout(800);
  const m1 = await ws(() => window.__weakseg.mpr());
  step(`after a click in axial: ${JSON.stringify(m1)}`);
  assert.equal(m1.slices.coronal, m1.cross[1]);
  assert.equal(m1.slices.sagittal, m1.cross[0]);
  await page.screenshot({ path: '/tmp/workspace-mpr-cross.png' });

  await page.getByTestId('view-coronal').click();
  await page.waitForTimeout(1000);
  const cor = page.getByTestId('viewport-coronal');
  const cb = await cor.boundingBox();
  const j = (await ws(() => window.__weakseg.mpr())).slices.coronal;
  const world = (i, k) => ws(([i, j, k]) => { const w = window.__weakseg.indexToWorld([i, j, k]); const c = window.__weakseg.viewportOf('coronal').worldToCanvas(w); return c; }, [i, j, k]);
  const at = async (i, k) => { const c = await world(i, k); return [cb.x + c[0], cb.y + c[1]]; };
  await page.getByTestId('tool-scribble').click();
  await page.getByTestId('scribble-width').fill('1');
  const p0 = await at(100, 10), p1 = await at(140, 14);
  await page.mouse.move(...p0); await page.mouse.down(); await page.mouse.move(...p1, { steps: 12 }); await page.mouse.up();
  await page.waitForTimeout(800);
  const scribbles = await ws(() => window.__weakseg.annotations().filter((a) => a.kind === 'scribble'));
  step(`coronal scribble → ${scribbles.length} axial scribbles on slices ${[...new Set(scribbles.map((s) => s.slice))].join(',')}; first ${JSON.stringify(scribbles[0].scribble)}`);
  assert.ok(scribbles.length >= 5);
  assert.ok(scribbles.every((s) => s.scribble.points.every((p) => p[1] === j)));
  await page.getByTestId('tool-point').click();
  const pp = await at(120, 20);
  await page.mouse.click(...pp); await page.waitForTimeout(900);
  const points = await ws(() => window.__weakseg.annotations().filter((a) => a.kind === 'point'));
  step(`coronal point → ${JSON.stringify(points.map((p) => [p.slice, p.point]))}`);
  assert.equal(points.length, 1);
  assert.equal(points[0].slice, 20);
  await page.getByTestId('tool-box').click();
  const b0 = await at(60, 5), b1 = await at(90, 30);
  await page.mouse.move(...b0); await page.mouse.down(); await page.mouse.move(...b1, { steps: 6 }); await page.mouse.up();
  await page.waitForTimeout(600);
  const boxes = await ws(() => window.__weakseg.annotations().filter((a) => a.kind === 'box'));
  step(`box on coronal → ${JSON.stringify(boxes.map((b) => [b.plane, b.slice, b.box]))}`);
  assert.equal(boxes.length, 1);
  assert.equal(boxes[0].plane, 'coronal');
  await page.screenshot({ path: '/tmp/workspace-mpr-coronal.png' });
  const before = (await ws(() => window.__weakseg.annotations())).length;
  for (let n = 0; n < 3; n++) { await page.keyboard.press('Control+z'); await page.waitForTimeout(300); }
  assert.equal((await ws(() => window.__weakseg.annotations())).length, 0, `undo three times from ${before}: box, point, then the whole scribble`);
  await page.keyboard.press('Control+Shift+Z'); await page.waitForTimeout(300);
  assert.equal((await ws(() => window.__weakseg.annotations())).length, scribbles.length);
  step('undo: box, point, then the scribble (one step); redo brings the scribble back');
  await page.keyboard.press('Shift+M'); await page.waitForTimeout(1200);
  await page.screenshot({ path: '/tmp/workspace-mpr-1x3-labels.png' });
  assert.deepEqual(errors, []);
  step('ok');
} finally { await smoke.close(); }
