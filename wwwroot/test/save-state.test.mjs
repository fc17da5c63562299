import assert from 'node:assert/strict';
import test from 'node:test';
import { MemoryStore, Outbox } from '../src/outbox.js';
import { explainWait, saveState } from '../src/save-state.js';

test('Three states from the outbox and the connection only: saved, saving N, offline N waiting', () => {
  assert.deepEqual(saveState({ online: true, pending: 0 }), { state: 'saved', pending: 0, online: true, text: 'saved', reason: null });
  assert.equal(saveState({ online: true, pending: 4 }).text, 'saving 4');
  assert.equal(saveState({ online: false, pending: 4 }).text, 'offline, 4 waiting');
  // Offline with nothing waiting is still offline, never "saved".
  assert.equal(saveState({ online: false, pending: 0 }).state, 'offline');
});

test('Submit while offline says the labels wait in this browser and blames the connection', () => {
  const text = explainWait('submit', { online: false, pending: 3, reason: 'not connected' });
  assert.equal(text, 'You are offline — check your connection. 3 labels are kept in this browser and sent when it is back; then submit again.');
  assert.match(explainWait('skip', { online: false, pending: 0 }), /^You are offline — check your connection\. Nothing is lost; then skip again\.$/);
});

test('Online, the wait is the saving itself with the last reason, and the connection is never blamed', () => {
  const text = explainWait('skip', { online: true, pending: 1, reason: 'The server could not store this label just now (error 0123456789ab); it is kept and sent again.' });
  assert.equal(text, '1 label is still being saved (The server could not store this label just now (error 0123456789ab); it is kept and sent again). Nothing is lost; skip again in a moment.');
  assert.doesNotMatch(text, /connection/i);
  assert.doesNotMatch(explainWait('submit', { online: true, pending: 2 }), /connection/i);
});

test('Nothing to explain once every label is saved', () => {
  assert.equal(explainWait('submit', { online: true, pending: 0, reason: 'old failure' }), null);
});

test('The outbox reports the one save state, with the reason of a failed send until a send succeeds', async () => {
  let fail = true;
  const box = new Outbox({
    store: new MemoryStore(), retry: false,
    send: async (c) => { if (fail) throw new Error('not connected'); return { commandId: c.commandId, accepted: true, annotationId: 'x' }; },
  });
  await box.load();
  await box.enqueue({ commandId: 'a', itemId: 'i', kind: 'point', classId: 1, slice: 0, point: { i: 1, j: 1, positive: true }, activeMs: 0 });
  assert.deepEqual({ ...box.state }, { state: 'saving', pending: 1, online: true, text: 'saving 1', reason: 'not connected' });
  await box.setOnline(false);
  assert.equal(box.state.text, 'offline, 1 waiting');
  fail = false;
  await box.setOnline(true);
  assert.deepEqual({ ...box.state }, { state: 'saved', pending: 0, online: true, text: 'saved', reason: null });
  assert.equal(box.lastError, null);
});
