import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTHING_FOUND, SuggestSession } from '../src/suggest-session.js';
import { maskCommand, commandFromView } from '../src/commands.js';
import { rowText } from '../src/annotation-list.js';

const ITEM = 'item-1';
function session() {
  let n = 0, t = 1000;
  const clock = { advance: (ms) => { t += ms; } };
  const s = new SuggestSession({ itemId: ITEM, newId: () => `id-${++n}`, now: () => t });
  return { s, clock };
}
const mask = { width: 4, height: 2, counts: [1, 2, 5] };
const ok = (request, extra = {}) => ({ requestId: request.requestId, objectId: request.objectId, suggestionId: `sug-${request.requestId}`, ok: true, error: null, engine: 'grabcut-box', engineVersion: '1', provider: 'OpenCV', ranOn: 'web', score: 0.9, mask, serverMs: 12, ...extra });

test('Every request of one object carries its whole prompt so far under the same objectId', () => {
  const { s } = session();
  const r1 = s.addBox(5, 1, { x0: 30, y0: 40, x1: 10, y1: 20 });
  const r2 = s.addPoint(5, 1, { x: 15, y: 25, positive: true });
  const r3 = s.addPoint(5, 1, { x: 12, y: 22, positive: false });
  assert.equal(r1.objectId, r2.objectId);
  assert.equal(r2.objectId, r3.objectId);
  assert.notEqual(r1.requestId, r2.requestId);
  assert.deepEqual(r1.box, { x0: 10, y0: 20, x1: 30, y1: 40 }, 'corners in order whichever way the box was dragged');
  assert.deepEqual(r3.points, [{ x: 15, y: 25, positive: true }, { x: 12, y: 22, positive: false }]);
  assert.deepEqual(r3.box, r1.box, 'the box stays in later requests');
  assert.equal(r3.itemId, ITEM); assert.equal(r3.slice, 5); assert.equal(r3.classId, 1); assert.equal(r3.orientation, 'axial'); assert.equal(r3.engine, null);
  assert.deepEqual(r2.points, [{ x: 15, y: 25, positive: true }], 'a request is a copy: later clicks do not change one already sent');
});

test('Only the answer to the newest request is shown; an older one arriving late is ignored', () => {
  const { s } = session();
  const r1 = s.addBox(5, 1, { x0: 10, y0: 20, x1: 30, y1: 40 });
  const r2 = s.addPoint(5, 1, { x: 15, y: 25, positive: true });
  assert.equal(s.waiting, true);
  assert.equal(s.receive(ok(r2)), 'shown');
  assert.equal(s.receive(ok(r1)), 'stale', 'the first request was superseded by the click');
  assert.equal(s.shown.suggestionId, `sug-${r2.requestId}`);
  assert.equal(s.waiting, false);
});

test('A superseded request answered first is not shown while the newest is still on its way', () => {
  const { s } = session();
  const r1 = s.addBox(5, 1, { x0: 10, y0: 20, x1: 30, y1: 40 });
  s.addPoint(5, 1, { x: 15, y: 25, positive: true });
  assert.equal(s.receive(ok(r1)), 'stale');
  assert.equal(s.shown, null);
  assert.equal(s.waiting, true);
});

test('An empty mask is nothing to accept: the panel says to try a tighter box or a click', () => {
  const { s } = session();
  const r = s.addBox(0, 1, { x0: 0, y0: 0, x1: 3, y1: 1 });
  assert.equal(s.receive(ok(r, { mask: { width: 4, height: 2, counts: [8] } })), 'failed');
  assert.equal(s.shown, null);
  assert.equal(s.error, NOTHING_FOUND);
  assert.equal(s.accept(), null);
});

test('Latency is measured from the request to its answer', () => {
  const { s, clock } = session();
  const r = s.addBox(0, 1, { x0: 1, y0: 1, x1: 3, y1: 3 });
  clock.advance(42);
  s.receive(ok(r));
  assert.equal(s.shown.latencyMs, 42);
});

test('A failed answer shows its sentence and no mask; a later success clears it', () => {
  const { s } = session();
  const r1 = s.addPoint(0, 1, { x: 1, y: 1, positive: true });
  assert.equal(s.receive({ requestId: r1.requestId, objectId: r1.objectId, ok: false, error: 'This engine takes a box, not clicks.' }), 'failed');
  assert.equal(s.error, 'This engine takes a box, not clicks.');
  assert.equal(s.shown, null);
  const r2 = s.addBox(0, 1, { x0: 0, y0: 0, x1: 3, y1: 3 });
  s.receive(ok(r2));
  assert.equal(s.error, null);
  assert.ok(s.shown);
  const r3 = s.addPoint(0, 1, { x: 2, y: 2, positive: false });
  assert.equal(s.fail(r3.requestId, 'Suggestions need the connection.'), 'failed');
  assert.equal(s.error, 'Suggestions need the connection.');
  assert.equal(s.fail('some-old-request', 'x'), 'stale');
});

test('Undo takes back the last prompt step (a box gives back the box it replaced) and asks again', () => {
  const { s } = session();
  s.addBox(3, 1, { x0: 0, y0: 0, x1: 10, y1: 10 });
  s.addBox(3, 1, { x0: 2, y0: 2, x1: 8, y1: 8 });
  s.addPoint(3, 1, { x: 5, y: 5, positive: false });
  s.addScribble(3, 1, { points: [[1, 1], [2, 2]], width: 3, classId: 0 });
  let r = s.undoLast();
  assert.deepEqual(r.scribbles, []);
  r = s.undoLast();
  assert.deepEqual(r.points, []);
  r = s.undoLast();
  assert.deepEqual(r.box, { x0: 0, y0: 0, x1: 10, y1: 10 }, 'the first box is back');
  const objectId = r.objectId;
  s.receive(ok(r));
  assert.ok(s.shown);
  assert.equal(s.undoLast(), null, 'nothing left: no request');
  assert.equal(s.shown, null, 'and no mask on screen');
  assert.equal(s.steps, 0);
  assert.equal(s.undoLast(), null, 'nothing to take back');
  assert.equal(s.addPoint(3, 1, { x: 1, y: 1 }).objectId, objectId, 'still the same object until accepted, rejected or a new one');
});

test('Accepting gives the mask with its provenance and starts a new object; the old answers are stale', () => {
  const { s } = session();
  const r1 = s.addBox(7, 2, { x0: 0, y0: 0, x1: 3, y1: 1 });
  const r2 = s.addPoint(7, 2, { x: 1, y: 0, positive: true });
  s.receive(ok(r2));
  const accepted = s.accept();
  assert.equal(accepted.slice, 7);
  assert.equal(accepted.classId, 2);
  assert.deepEqual(accepted.mask, mask);
  assert.deepEqual({ ...accepted.provenance, prompt: undefined }, { source: 'suggestion', engine: 'grabcut-box', modelVersion: '1', prompt: undefined, suggestionId: `sug-${r2.requestId}`, objectId: r2.objectId });
  assert.deepEqual(JSON.parse(accepted.provenance.prompt), { orientation: 'axial', slice: 7, box: { x0: 0, y0: 0, x1: 3, y1: 1 }, points: [{ x: 1, y: 0, positive: true }], scribbles: [] });
  assert.equal(s.open, false);
  assert.equal(s.receive(ok(r1)), 'stale');
  assert.equal(s.receive(ok(r2)), 'stale', 'an answer repeated after accepting shows nothing');
  assert.notEqual(s.addPoint(7, 2, { x: 1, y: 1 }).objectId, r2.objectId, 'the next prompt is a new object');
});

test('Looking at what would be accepted leaves the object open; accepting then gives the same', () => {
  const { s } = session();
  const r = s.addBox(2, 1, { x0: 0, y0: 0, x1: 3, y1: 1 });
  s.receive(ok(r));
  const seen = s.acceptance();
  assert.equal(s.open, true);
  assert.deepEqual(s.accept(), seen);
  assert.equal(s.acceptance(), null);
});

test('Nothing to accept before an answer is shown', () => {
  const { s } = session();
  s.addBox(0, 1, { x0: 0, y0: 0, x1: 3, y1: 1 });
  assert.equal(s.accept(), null);
  assert.equal(s.open, true, 'the prompt stays');
});

test('Rejecting names the suggestion shown and throws the object away; with none shown it names nothing', () => {
  const { s } = session();
  const r = s.addBox(0, 1, { x0: 0, y0: 0, x1: 3, y1: 1 });
  s.receive(ok(r));
  assert.deepEqual(s.reject(), { suggestionId: `sug-${r.requestId}`, objectId: r.objectId });
  assert.equal(s.open, false);
  s.addBox(0, 1, { x0: 0, y0: 0, x1: 3, y1: 1 });
  assert.equal(s.reject(), null);
  assert.equal(s.reject(), null);
});

test('A prompt on another slice starts a new object', () => {
  const { s } = session();
  const a = s.addPoint(1, 1, { x: 1, y: 1 });
  const b = s.addPoint(2, 1, { x: 1, y: 1 });
  assert.notEqual(a.objectId, b.objectId);
  assert.deepEqual(b.points.length, 1);
});

test('An accepted suggestion is a mask command with its provenance, kept when read back, and the list says who suggested it', () => {
  const { s } = session();
  const r = s.addBox(4, 1, { x0: 0, y0: 0, x1: 3, y1: 1 });
  s.receive(ok(r));
  const a = s.accept();
  const command = maskCommand({ itemId: ITEM, ...a, activeMs: 2100.4 });
  assert.equal(command.kind, 'mask');
  assert.equal(command.slice, 4);
  assert.equal(command.activeMs, 2100);
  assert.deepEqual(command.mask, mask);
  assert.equal(command.provenance.suggestionId, `sug-${r.requestId}`);
  assert.match(command.commandId, /^[0-9a-f-]{36}$/);
  const back = commandFromView({ ...command, box: null, point: null, annotationId: 'a-1' });
  assert.deepEqual(back, command, 'GetMyAnnotations → the same command, provenance included');
  assert.equal(commandFromView({ ...command, kind: 'box', box: { x0: 0, y0: 0, x1: 2, y1: 2 }, provenance: { source: 'manual' } }).provenance, undefined, 'manual labels carry none');
  assert.equal(rowText(command, 'Liver'), 'Mask · Liver · suggested by grabcut-box');
});
