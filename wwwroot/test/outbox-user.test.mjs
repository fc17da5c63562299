import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IndexedDbStore, LEGACY_OUTBOX_DB, MemoryStore, Outbox, outboxDatabaseName } from '../src/outbox.js';

const cmd = (id) => ({ commandId: id, itemId: 'i', kind: 'point', classId: 1, slice: 0, point: { x: 1, y: 1, positive: true }, activeMs: 0 });
/** A connection signed in as `user`: records who sent what. */
function connection(user, log) {
  return {
    send: async (command) => {
      log.push({ user, commandId: command.commandId });
      return { commandId: command.commandId, accepted: true, annotationId: `ann-${command.commandId}`, reason: null };
    },
  };
}
const offline = async () => { throw new Error('disconnected'); };

test('Each user has an outbox database of their own, never the old shared one', () => {
  const a = outboxDatabaseName('6F1C2A9E-0000-4000-8000-000000000001');
  assert.equal(a, 'weakseg-outbox:6f1c2a9e-0000-4000-8000-000000000001');
  assert.notEqual(outboxDatabaseName('u2'), a);
  assert.equal(outboxDatabaseName(null), 'weakseg-outbox:anonymous');
  assert.notEqual(outboxDatabaseName('u1'), LEGACY_OUTBOX_DB);
  assert.throws(() => new IndexedDbStore(LEGACY_OUTBOX_DB), /name the user's database/);
  assert.throws(() => new IndexedDbStore(), /name the user's database/);
});

test('Pending commands of one user are never sent over another user\'s connection', async () => {
  const store = new MemoryStore(); // one store that both see, as if the database were shared
  const log = [];
  const alice = new Outbox({ store, userId: 'alice', send: offline, retry: false });
  await alice.load();
  await alice.enqueue(cmd('a1'));
  await alice.enqueue(cmd('a2'));
  assert.equal(alice.pending, 2, 'offline: kept');

  // Bob signs in on the same browser: his outbox neither shows nor sends Alice's commands.
  const bob = new Outbox({ store, userId: 'bob', send: connection('bob', log).send, retry: false });
  assert.equal(await bob.load(), 0);
  await bob.enqueue(cmd('b1'));
  await bob.flush();
  assert.deepEqual(log, [{ user: 'bob', commandId: 'b1' }]);
  assert.equal((await store.getAll()).length, 2, "Alice's entries stay in the store untouched");

  // Alice comes back: hers go out on her connection, in order.
  const again = new Outbox({ store, userId: 'alice', send: connection('alice', log).send, retry: false });
  assert.equal(await again.load(), 2);
  await again.flush();
  assert.deepEqual(log.slice(1), [{ user: 'alice', commandId: 'a1' }, { user: 'alice', commandId: 'a2' }]);
  assert.equal((await store.getAll()).length, 0);
});

test('Entries without a user (left by the shared outbox of earlier versions) are not sent under a signed-in user', async () => {
  const store = new MemoryStore();
  await store.put({ command: cmd('old'), refCommandId: null }); // no userId: whose is unknown
  const log = [];
  const carol = new Outbox({ store, userId: 'carol', send: connection('carol', log).send, retry: false });
  assert.equal(await carol.load(), 0);
  await carol.enqueue(cmd('c1'));
  assert.deepEqual(log.map((l) => l.commandId), ['c1']);
  assert.equal((await store.getAll())[0].command.commandId, 'old', 'left untouched');
});

test('Entries are stored with the user they were made under', async () => {
  const store = new MemoryStore();
  const box = new Outbox({ store, userId: 'dave', send: offline, retry: false });
  await box.load();
  await box.enqueue(cmd('d1'));
  assert.equal((await store.getAll())[0].userId, 'dave');
  assert.equal(box.userId, 'dave');
});

test('The hub URL names the page user, and a 409 from the hub reads as "signed in as someone else"', async () => {
  const { hubUrlFor, isOtherUser } = await import('../src/hub-client.js');
  assert.equal(hubUrlFor('/hubs/annotation', 'u 1'), '/hubs/annotation?user=u%201');
  assert.equal(hubUrlFor('/hubs/annotation?x=1', 'u1'), '/hubs/annotation?x=1&user=u1');
  assert.equal(hubUrlFor('/hubs/annotation', null), '/hubs/annotation');
  assert.ok(isOtherUser({ statusCode: 409 }));
  assert.ok(isOtherUser(new Error("Failed to complete negotiation with the server: Error: Conflict: Status code '409'")));
  assert.ok(!isOtherUser(new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'")));
  assert.ok(!isOtherUser(undefined));
});
