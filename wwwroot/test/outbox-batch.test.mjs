import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RUN, MAX_RUN_CHARS, MemoryStore, Outbox } from '../src/outbox.js';
import { batchingSubmit } from '../src/hub-client.js';

/** A fake hub with Submit and SubmitMany (≤ 100, acks in order, idempotent by commandId). */
function fakeHub() {
  const h = { calls: [], online: true, refuse: new Map(), acked: new Map(), ids: 0, failNextMany: false };
  const ackOf = (c) => {
    if (h.acked.has(c.commandId)) return h.acked.get(c.commandId);
    const reason = h.refuse.get(c.commandId);
    const ack = reason ? { commandId: c.commandId, accepted: false, annotationId: null, reason }
      : c.kind === 'delete' ? { commandId: c.commandId, accepted: true, annotationId: c.delete.annotationId, reason: null }
        : { commandId: c.commandId, accepted: true, annotationId: `ann-${++h.ids}`, reason: null };
    h.acked.set(c.commandId, ack);
    return ack;
  };
  h.submit = async (c) => { if (!h.online) throw new Error('disconnected'); h.calls.push([c.commandId]); return ackOf(c); };
  h.submitMany = async (cs) => {
    if (!h.online) throw new Error('disconnected');
    if (cs.length > MAX_RUN) throw new Error('HubException: at most 100 commands');
    if (h.failNextMany) { h.failNextMany = false; throw new Error('connection lost mid-call'); }
    h.calls.push(cs.map((c) => c.commandId));
    return cs.map(ackOf);
  };
  h.sent = () => h.calls.flat();
  return h;
}
const cmd = (id) => ({ commandId: id, itemId: 'i', kind: 'point', classId: 1, slice: 0, point: { x: 1, y: 1, positive: true }, activeMs: 0 });
const del = (id) => ({ commandId: id, itemId: 'i', kind: 'delete', classId: null, slice: null, delete: { annotationId: null }, activeMs: 0 });

async function offlineOutbox(hub, extra = {}) {
  hub.online = false;
  const box = new Outbox({ store: new MemoryStore(), send: hub.submit, sendMany: hub.submitMany, retry: false, online: false, ...extra });
  await box.load();
  return box;
}

test('Several pending commands go in one SubmitMany call, in order, and leave the outbox on their acks', async () => {
  const hub = fakeHub();
  const acked = [];
  const box = await offlineOutbox(hub, { onAck: (c, a) => acked.push([c.commandId, a.annotationId]) });
  for (const id of ['a', 'b', 'c']) await box.enqueue(cmd(id));
  hub.online = true;
  await box.setOnline(true);
  assert.deepEqual(hub.calls, [['a', 'b', 'c']]);
  assert.deepEqual(acked, [['a', 'ann-1'], ['b', 'ann-2'], ['c', 'ann-3']]);
  assert.equal(box.pending, 0);
  assert.equal(box.annotationIdOf('c'), 'ann-3');
});

test('One pending command goes through Submit', async () => {
  const hub = fakeHub();
  const box = new Outbox({ store: new MemoryStore(), send: hub.submit, sendMany: hub.submitMany, retry: false });
  await box.load();
  await box.enqueue(cmd('a'));
  assert.deepEqual(hub.calls, [['a']]);
});

test('Runs hold at most 100 commands', async () => {
  const hub = fakeHub();
  const box = await offlineOutbox(hub);
  for (let n = 0; n < 250; n++) await box.enqueue(cmd(`c${n}`));
  hub.online = true;
  await box.setOnline(true);
  assert.deepEqual(hub.calls.map((c) => c.length), [100, 100, 50]);
  assert.deepEqual(hub.sent(), [...Array(250).keys()].map((n) => `c${n}`));
  assert.equal(box.pending, 0);
});

test('A run stops before a delete of a create in the same run; the delete gets its annotationId from that ack', async () => {
  const hub = fakeHub();
  const box = await offlineOutbox(hub);
  await box.enqueue(cmd('a'));
  await box.enqueue(cmd('b'));
  await box.enqueue(del('d'), { refCommandId: 'a' });
  await box.enqueue(cmd('c'));
  hub.online = true;
  await box.setOnline(true);
  assert.deepEqual(hub.calls, [['a', 'b'], ['d', 'c']]);
  assert.equal(hub.acked.get('d').annotationId, 'ann-1', 'the delete named the annotation a created');
});

test('A delete of an annotation acked earlier goes in the run', async () => {
  const hub = fakeHub();
  const box = await offlineOutbox(hub);
  await box.rememberAck('old', 'ann-old');
  await box.enqueue(cmd('a'));
  await box.enqueue(del('d'), { refCommandId: 'old' });
  hub.online = true;
  await box.setOnline(true);
  assert.deepEqual(hub.calls, [['a', 'd']]);
});

test('Refusals inside a run are reported per command and dropped; a delete of a refused create is never sent', async () => {
  const hub = fakeHub();
  hub.refuse.set('b', 'Class 7 is not a class of this project.');
  const refused = [];
  const box = await offlineOutbox(hub, { onRefused: (c, r) => refused.push([c.commandId, r]) });
  for (const id of ['a', 'b', 'c']) await box.enqueue(cmd(id));
  await box.enqueue(del('d'), { refCommandId: 'b' });
  await box.enqueue(cmd('e'));
  hub.online = true;
  await box.setOnline(true);
  assert.deepEqual(refused, [['b', 'Class 7 is not a class of this project.']]);
  assert.deepEqual(hub.calls, [['a', 'b', 'c'], ['e']], 'd had nothing to delete');
  assert.equal(box.pending, 0);
});

test('A thrown SubmitMany keeps every command of the run; the retry sends them again, in order', async () => {
  const hub = fakeHub();
  const box = await offlineOutbox(hub);
  for (const id of ['a', 'b', 'c']) await box.enqueue(cmd(id));
  hub.online = true;
  hub.failNextMany = true;
  await box.setOnline(true);
  assert.equal(box.pending, 3);
  assert.match(box.lastError.message, /mid-call/);
  assert.deepEqual(box.commands.map((c) => c.commandId), ['a', 'b', 'c']);
  await box.flush();
  assert.deepEqual(hub.calls, [['a', 'b', 'c']]);
  assert.equal(box.pending, 0);
});

test('Acks that do not match the commands (too few, or out of order) keep the run for a retry', async () => {
  const hub = fakeHub();
  const box = await offlineOutbox(hub, { sendMany: async (cs) => cs.slice(1).map((c) => ({ commandId: c.commandId, accepted: true, annotationId: 'x' })) });
  await box.enqueue(cmd('a')); await box.enqueue(cmd('b'));
  await box.setOnline(true);
  assert.equal(box.pending, 2);
  const swapped = await offlineOutbox(fakeHub(), { sendMany: async (cs) => [...cs].reverse().map((c) => ({ commandId: c.commandId, accepted: true, annotationId: 'x' })) });
  await swapped.enqueue(cmd('a')); await swapped.enqueue(cmd('b'));
  await swapped.setOnline(true);
  assert.equal(swapped.pending, 2);
});

test('Without submitMany the outbox sends one at a time, as before', async () => {
  const hub = fakeHub();
  const box = await offlineOutbox(hub, { sendMany: null });
  for (const id of ['a', 'b', 'c']) await box.enqueue(cmd(id));
  hub.online = true;
  await box.setOnline(true);
  assert.deepEqual(hub.calls, [['a'], ['b'], ['c']]);
});

test('Against a server without SubmitMany the hub client falls back to Submit, and stays there', async () => {
  const log = [];
  const many = batchingSubmit({
    invokeMany: async () => { log.push('many'); throw new Error("Failed to invoke 'SubmitMany' due to an error on the server. HubException: Method does not exist."); },
    submit: async (c) => { log.push(c.commandId); return { commandId: c.commandId, accepted: true, annotationId: 'x' }; },
  });
  assert.deepEqual((await many([cmd('a'), cmd('b')])).map((a) => a.commandId), ['a', 'b']);
  await many([cmd('c'), cmd('d')]);
  assert.deepEqual(log, ['many', 'a', 'b', 'c', 'd']);
  const failing = batchingSubmit({ invokeMany: async () => { throw new Error('not connected'); }, submit: async () => assert.fail('no fallback on other errors') });
  await assert.rejects(failing([cmd('a'), cmd('b')]), /not connected/);
});

test('Runs stay under the hub message limit: big brush strokes split into several calls, a huge one goes alone', async () => {
  const hub = fakeHub();
  const box = await offlineOutbox(hub);
  const stroke = (id, points) => ({ commandId: id, itemId: 'i', kind: 'brush', classId: 1, slice: 0, brush: { points: Array.from({ length: points }, (_, n) => [n + 0.125, n + 0.375]), width: 8, erase: false }, activeMs: 0 });
  const commands = [...['a', 'b', 'c', 'd', 'f'].map((id) => stroke(id, 7000)), stroke('huge', 40000), cmd('e')];
  for (const c of commands) await box.enqueue(c);
  hub.online = true;
  await box.setOnline(true);
  const size = Object.fromEntries(commands.map((c) => [c.commandId, JSON.stringify(c).length]));
  assert.ok(size.a * 3 < MAX_RUN_CHARS && size.a * 5 > MAX_RUN_CHARS && size.huge > MAX_RUN_CHARS, JSON.stringify(size));
  const many = hub.calls.filter((c) => c.length > 1);
  assert.ok(many.length >= 1, JSON.stringify(hub.calls));
  for (const call of many) {
    const chars = call.reduce((sum, id) => sum + size[id], 0);
    assert.ok(chars <= MAX_RUN_CHARS, `${call} carries ${chars} characters`);
  }
  assert.deepEqual(hub.sent(), ['a', 'b', 'c', 'd', 'f', 'huge', 'e']);
  assert.ok(hub.calls.some((c) => c.length === 1 && c[0] === 'huge'), JSON.stringify(hub.calls));
  assert.equal(box.pending, 0);
});
