import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore, Outbox } from '../src/outbox.js';

// An ack with retry: true means nothing was stored because of a passing fault (docs/annotation-protocol.md).
const cmd = (id) => ({ commandId: id, itemId: 'i', kind: 'point', classId: 1, slice: 0, point: { x: 1, y: 1, positive: true }, activeMs: 0 });
const accepted = (c, n) => ({ commandId: c.commandId, accepted: true, annotationId: `ann-${n}`, reason: null, retry: false });
const retry = (c) => ({ commandId: c.commandId, accepted: false, annotationId: null, reason: 'busy', retry: true });

test('A command answered "retry" stays in the outbox, is not shown as refused, and is sent again until stored', async () => {
  const stored = new Map(); let busy = 2; const refused = [];
  const send = async (c) => {
    if (busy > 0) { busy--; return retry(c); }
    if (!stored.has(c.commandId)) stored.set(c.commandId, stored.size + 1);
    return accepted(c, stored.get(c.commandId));
  };
  let timers = 0;
  const box = new Outbox({ store: new MemoryStore(), send, retry: () => { timers++; return 1; }, onRefused: (c, r) => refused.push(r) });
  await box.load();
  await box.enqueue(cmd('a'));
  assert.equal(box.pending, 1, 'kept after the first retry answer');
  assert.equal(box.lastError.message, 'busy');
  while (box.pending) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(refused, []);
  assert.equal(timers, 2);
  assert.equal(box.annotationIdOf('a'), 'ann-1');
  assert.equal(stored.size, 1);
});

test('In a run, accepted commands leave, a retried one keeps its place ahead of what follows, and the retry clears once stored', async () => {
  const calls = [];
  let first = true;
  const sendMany = async (commands) => {
    calls.push(commands.map((c) => c.commandId));
    if (first) { first = false; return commands.map((c, n) => (c.commandId === 'b' || c.commandId === 'c' ? retry(c) : accepted(c, n))); }
    return commands.map((c, n) => accepted(c, 10 + n));
  };
  const store = new MemoryStore();
  const box = new Outbox({ store, send: async (c) => (await sendMany([c]))[0], sendMany, online: false, retry: false });
  await box.load();
  for (const id of ['a', 'b', 'c', 'd']) await box.enqueue(cmd(id));
  await box.setOnline(true);
  assert.deepEqual(box.commands.map((c) => c.commandId), ['b', 'c']);
  assert.deepEqual((await store.getAll()).map((e) => e.command.commandId), ['b', 'c'], 'the retried commands are still in the store (a reload sends them)');
  await box.flush();
  assert.deepEqual(calls, [['a', 'b', 'c', 'd'], ['b', 'c']]);
  assert.equal(box.pending, 0);
});

test('A final refusal still leaves the outbox and is reported', async () => {
  const refused = [];
  const box = new Outbox({ store: new MemoryStore(), send: async (c) => ({ commandId: c.commandId, accepted: false, annotationId: null, reason: 'Class 7 is not a class of this project.', retry: false }), retry: false, onRefused: (c, r) => refused.push(r) });
  await box.load();
  await box.enqueue(cmd('a'));
  assert.equal(box.pending, 0);
  assert.deepEqual(refused, ['Class 7 is not a class of this project.']);
});
