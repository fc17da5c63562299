import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RangeProposals } from '../src/range-proposals.js';

const reply = (slice) => ({ ok: true, engine: 'grabcut-box', engineVersion: '1', suggestionId: `s-${slice}`, objectId: 'o-1', score: 0.9, ranOn: 'web', mask: { width: 4, height: 1, counts: [1, 2, 1] } });
const msg = (slice, from, direction, extra = {}) => ({ requestId: 'r-1', slice, from, direction, proposed: true, stop: null, reply: reply(slice), ...extra });

test('a propagation proposes a slice per message, records where each direction stopped, and labels come out "propagated"', () => {
  const p = new RangeProposals({ kind: 'propagation', classId: 1, slice: 5, requestId: 'r-1' });
  assert.equal(p.receive(msg(6, 5, 1)), 'proposed');
  assert.equal(p.receive(msg(7, 6, 1, { proposed: false, stop: 'The object ends here: the mask is empty.' })), 'stopped');
  assert.equal(p.receive(msg(4, 5, -1)), 'proposed');
  assert.equal(p.receive({ ...msg(3, 4, -1), requestId: 'r-other' }), 'stale');
  p.finish();
  assert.deepEqual(p.all.map((x) => x.slice), [4, 6]);
  assert.deepEqual(p.stops, [{ direction: 1, slice: 7, reason: 'The object ends here: the mask is empty.' }]);
  const accepted = p.accept(6);
  assert.equal(accepted.provenance.source, 'propagated');
  assert.equal(accepted.provenance.suggestionId, 's-6');
  assert.equal(JSON.parse(accepted.provenance.prompt).propagatedFrom, 5);
  assert.equal(p.accept(6), null, 'a slice is accepted once');
  assert.ok(p.reject(4));
  assert.equal(p.active, false);
  assert.match(p.summary(), /2 on slices 5–7 · 0 open, 1 accepted, 1 rejected/);
});

test('a refused request ends the run with its sentence and proposes nothing', () => {
  const p = new RangeProposals({ kind: 'propagation', classId: 1, slice: 5, requestId: 'r-1' });
  assert.equal(p.receive({ requestId: 'r-1', slice: 5, from: 5, direction: 0, proposed: false, stop: 'Not yours.', reply: null }), 'refused');
  assert.equal(p.error, 'Not yours.');
  assert.equal(p.active, false);
});

test('accept all takes only the open proposals; interpolated boxes carry the key boxes', () => {
  const p = new RangeProposals({ kind: 'interpolation', classId: 2, slice: 3 });
  p.addBoxes([{ slice: 4, x0: 1, y0: 1, x1: 5, y1: 5 }, { slice: 5, x0: 2, y0: 2, x1: 6, y1: 6 }, { slice: 6, x0: 3, y0: 3, x1: 7, y1: 7 }], ['c-3', 'c-7']);
  p.reject(5);
  const taken = p.acceptAll();
  assert.deepEqual(taken.map((x) => x.slice), [4, 6]);
  assert.deepEqual(taken.map((x) => x.provenance.source), ['interpolated', 'interpolated']);
  assert.deepEqual(JSON.parse(taken[0].provenance.prompt), { between: ['c-3', 'c-7'] });
  assert.deepEqual(taken[1].box, { x0: 3, y0: 3, x1: 7, y1: 7 });
  assert.equal(p.active, false);
});
