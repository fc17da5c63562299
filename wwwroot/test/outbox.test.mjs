import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore, Outbox, stateText } from '../src/outbox.js';

/** A fake server: acks in order of receipt; can be taken offline or told to refuse. */
function fakeServer() {
  const s = { received: [], online: true, refuse: new Map(), ids: 0, acked: new Map() };
  s.send = async (command) => {
    if (!s.online) throw new Error('disconnected');
    s.received.push(command);
    if (s.acked.has(command.commandId)) return s.acked.get(command.commandId);
    const reason = s.refuse.get(command.commandId);
    const ack = reason ? { commandId: command.commandId, accepted: false, annotationId: null, reason }
      : { commandId: command.commandId, accepted: true, annotationId: `ann-${++s.ids}`, reason: null };
    s.acked.set(command.commandId, ack);
    return ack;
  };
  return s;
}
const cmd = (id, kind = 'point') => ({ commandId: id, itemId: 'i', kind, classId: 1, slice: 0, point: { x: 1, y: 1, positive: true }, activeMs: 0 });

test('Commands are sent in the order they were made and leave the outbox on ack', async () => {
  const server = fakeServer();
  const box = new Outbox({ store: new MemoryStore(), send: server.send, retry: false });
  await box.load();
  await Promise.all(['a', 'b', 'c'].map((id) => box.enqueue(cmd(id))));
  assert.deepEqual(server.received.map((c) => c.commandId), ['a', 'b', 'c']);
  assert.equal(box.pending, 0);
  assert.equal(box.annotationIdOf('b'), 'ann-2');
});

test('A commandId already pending is stored once', async () => {
  const server = fakeServer(); server.online = false;
  const box = new Outbox({ store: new MemoryStore(), send: server.send, retry: false });
  await box.load();
  await box.enqueue(cmd('a')); await box.enqueue(cmd('a'));
  assert.equal(box.pending, 1);
});

test('The same commandId enqueued twice at once is stored once', async () => {
  const server = fakeServer(); server.online = false;
  const box = new Outbox({ store: new MemoryStore(), send: server.send, retry: false });
  await box.load();
  await Promise.all([box.enqueue(cmd('a')), box.enqueue(cmd('a'))]);
  assert.equal(box.pending, 1);
});

test('The status reads "saving" as soon as a command is enqueued, before the store has it', async () => {
  const box = new Outbox({ store: new MemoryStore(), send: async () => new Promise(() => {}), retry: false });
  await box.load();
  box.enqueue(cmd('a'));
  assert.equal(box.state.text, 'saving 1');
});

test('Pending commands survive a reload and are flushed in order on load', async () => {
  const store = new MemoryStore();
  const server = fakeServer(); server.online = false;
  const first = new Outbox({ store, send: server.send, retry: false });
  await first.load();
  for (const id of ['a', 'b', 'c']) await first.enqueue(cmd(id));
  assert.equal(first.pending, 3);
  first.dispose();
  server.online = true;
  const second = new Outbox({ store, send: server.send, retry: false }); // the page reloaded
  assert.equal(await second.load(), 3);
  await second.flush();
  assert.deepEqual(server.received.map((c) => c.commandId), ['a', 'b', 'c']);
  assert.equal(second.pending, 0);
  assert.equal((await store.getAll()).length, 0);
});

test('A refused command is dropped, reported with its reason, and never resent', async () => {
  const server = fakeServer(); server.refuse.set('b', 'The box lies outside the image (512 × 512).');
  const refused = [];
  const box = new Outbox({ store: new MemoryStore(), send: server.send, retry: false, onRefused: (c, r) => refused.push([c.commandId, r]) });
  await box.load();
  for (const id of ['a', 'b', 'c']) await box.enqueue(cmd(id));
  assert.deepEqual(refused, [['b', 'The box lies outside the image (512 × 512).']]);
  assert.equal(box.pending, 0);
  await box.flush();
  assert.equal(server.received.filter((c) => c.commandId === 'b').length, 1);
});

test('A failed send keeps the command; reconnecting flushes it', async () => {
  const server = fakeServer();
  const box = new Outbox({ store: new MemoryStore(), send: server.send, retry: false });
  await box.load();
  server.online = false;
  await box.enqueue(cmd('a'));
  assert.equal(box.pending, 1);
  await box.setOnline(false);
  assert.equal(box.state.text, 'offline, 1 waiting');
  server.online = true;
  await box.setOnline(true);
  assert.equal(box.pending, 0);
  assert.equal(box.state.text, 'saved');
});

test('A delete made before its create was acked gets the annotationId from that ack', async () => {
  const server = fakeServer(); server.online = false;
  const box = new Outbox({ store: new MemoryStore(), send: server.send, retry: false });
  await box.load();
  await box.enqueue(cmd('a'));
  await box.enqueue({ commandId: 'd', itemId: 'i', kind: 'delete', classId: null, slice: null, delete: { annotationId: null }, activeMs: 0 }, { refCommandId: 'a' });
  server.online = true;
  await box.flush();
  assert.deepEqual(server.received.map((c) => [c.commandId, c.delete?.annotationId]), [['a', undefined], ['d', 'ann-1']]);
});

test('A delete of a create that was refused is dropped without being sent', async () => {
  const server = fakeServer(); server.refuse.set('a', 'no');
  const box = new Outbox({ store: new MemoryStore(), send: server.send, retry: false, onRefused: () => {} });
  await box.load();
  server.online = false;
  await box.enqueue(cmd('a'));
  await box.enqueue({ commandId: 'd', itemId: 'i', kind: 'delete', classId: null, slice: null, delete: { annotationId: null }, activeMs: 0 }, { refCommandId: 'a' });
  server.online = true;
  await box.flush();
  assert.deepEqual(server.received.map((c) => c.commandId), ['a']);
  assert.equal(box.pending, 0);
});

test('State text: saved, saving N, offline, N waiting', async () => {
  assert.equal(stateText({ online: true, pending: 0 }), 'saved');
  assert.equal(stateText({ online: true, pending: 2 }), 'saving 2');
  assert.equal(stateText({ online: false, pending: 3 }), 'offline, 3 waiting');
  let release;
  const gate = new Promise((r) => { release = r; });
  const seen = [];
  const box = new Outbox({ store: new MemoryStore(), retry: false, send: async (c) => { await gate; return { commandId: c.commandId, accepted: true, annotationId: 'x' }; } });
  box.onState((s) => seen.push(s.text));
  await box.load();
  const p1 = box.enqueue(cmd('a')); const p2 = box.enqueue(cmd('b'));
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(box.state.text, 'saving 2');
  release(); await Promise.all([p1, p2]);
  assert.equal(seen.at(-1), 'saved');
  assert.ok(seen.includes('saving 1'));
});
