import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UndoHistory } from '../src/undo.js';

function setup(acks = {}) {
  const sent = [], drawn = new Set();
  let handles = 0;
  const history = new UndoHistory({
    send: (c, opts) => sent.push({ c, opts }),
    draw: () => { const h = `h${++handles}`; drawn.add(h); return h; },
    erase: (h) => drawn.delete(h),
    annotationIdOf: (id) => acks[id] ?? null,
  });
  return { history, sent, drawn };
}
const box = { commandId: 'c1', itemId: 'i', kind: 'box', classId: 1, slice: 4, box: { x0: 1, y0: 1, x1: 9, y1: 9 }, activeMs: 800 };

test('Undo of a creation erases it and sends a delete of the acked annotation', () => {
  const { history, sent, drawn } = setup({ c1: 'ann-1' });
  drawn.add('h0');
  history.recordCreate(box, 'h0');
  history.undo();
  assert.equal(drawn.has('h0'), false);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].c.kind, 'delete');
  assert.deepEqual(sent[0].c.delete, { annotationId: 'ann-1' });
  assert.equal(sent[0].opts.refCommandId, 'c1');
});

test('Undo before the ack sends a delete that refers to the create command', () => {
  const { history, sent } = setup();
  history.recordCreate(box, 'h0');
  history.undo();
  assert.deepEqual(sent[0].c.delete, { annotationId: null });
  assert.equal(sent[0].opts.refCommandId, 'c1');
});

test('Redo re-sends the same shape as a new create command and draws it again', () => {
  const { history, sent, drawn } = setup({ c1: 'ann-1' });
  history.recordCreate(box, 'h0');
  history.undo();
  history.redo();
  const again = sent[1].c;
  assert.equal(again.kind, 'box');
  assert.notEqual(again.commandId, 'c1');
  assert.deepEqual(again.box, box.box);
  assert.equal(again.slice, 4);
  assert.equal(drawn.size, 1);
  // A second undo deletes the re-created annotation, not the first one.
  history.undo();
  assert.equal(sent[2].opts.refCommandId, again.commandId);
});

test('Undo of a deletion re-creates; a new action clears the redo stack', () => {
  const { history, sent } = setup({ c1: 'ann-1' });
  history.recordDelete(box, 'h0');
  history.undo();
  assert.equal(sent[0].c.kind, 'box');
  assert.equal(history.canRedo, true);
  history.recordCreate({ ...box, commandId: 'c2' }, 'h9');
  assert.equal(history.canRedo, false);
  assert.equal(history.redo(), null);
});

test('Undo with nothing to undo does nothing', () => {
  const { history, sent } = setup();
  assert.equal(history.undo(), null);
  assert.equal(sent.length, 0);
});

test('Undo of a move deletes the moved shape and re-creates the old one; redo does the reverse', () => {
  const { history, sent, drawn } = setup({ c1: 'ann-1', c2: 'ann-2' });
  const moved = { ...box, commandId: 'c2', box: { x0: 1, y0: 1, x1: 20, y1: 20 } };
  drawn.add('h0');
  history.recordReplace(box, moved, 'h0');
  history.undo();
  assert.deepEqual(sent.map((x) => x.c.kind), ['delete', 'box']);
  assert.deepEqual(sent[0].c.delete, { annotationId: 'ann-2' });
  assert.deepEqual(sent[1].c.box, box.box);
  assert.equal(drawn.has('h0'), false);
  assert.equal(drawn.size, 1);
  history.redo();
  assert.deepEqual(sent.map((x) => x.c.kind), ['delete', 'box', 'delete', 'box']);
  assert.equal(sent[2].opts.refCommandId, sent[1].c.commandId, 'redo deletes the re-created old shape');
  assert.deepEqual(sent[3].c.box, moved.box);
});

test('One drawing stored as several labels (a coronal scribble) is one undo step and one redo step', () => {
  const { history, sent, drawn } = setup({ a: 'ann-a', b: 'ann-b' });
  const part = (id, slice) => ({ ...box, commandId: id, kind: 'scribble', slice, box: undefined, scribble: { points: [[1, 2], [5, 2]], width: 1 } });
  drawn.add('ha'); drawn.add('hb');
  history.recordCreateMany([[part('a', 3), 'ha'], [part('b', 4), 'hb']]);
  history.undo();
  assert.equal(drawn.size, 0);
  assert.deepEqual(sent.map((s) => s.c.delete.annotationId), ['ann-b', 'ann-a']);
  assert.equal(history.canUndo, false);
  history.redo();
  assert.equal(drawn.size, 2);
  assert.deepEqual(sent.slice(2).map((s) => [s.c.kind, s.c.slice]), [['scribble', 3], ['scribble', 4]]);
  assert.equal(history.canRedo, false);
});
