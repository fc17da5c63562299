// Undo and redo over generated sequences of draw, move, delete, undo and redo, checked after
// every step against a model that keeps whole states: what is on screen and what the server
// stores must both equal the model's current state. Seeded, so a failure names its sequence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteCommand } from '../src/commands.js';
import { UndoHistory } from '../src/undo.js';

/** Small seeded PRNG (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shapeOf = (c) => `${c.kind}:${c.classId}:${c.slice}:${JSON.stringify(c.box ?? c.point)}`;
const shapes = (commands) => [...commands].map(shapeOf).sort();

/**
 * The workspace as undo.js sees it: a screen (handle → command), an outbox that delivers in
 * order to a server that refuses a delete of what it does not store, and acks the page learns
 * only sometimes before it sends the next command (annotationId null: the outbox resolves
 * refCommandId).
 */
function workspace(rng) {
  const server = new Map(); // annotationId → command
  const acks = new Map(); // create commandId → annotationId
  const screen = new Map(); // handle → command
  let ids = 0, handles = 0, commands = 0;
  const log = [];
  const send = (c, { refCommandId = null } = {}) => {
    if (c.kind === 'delete') {
      const id = c.delete.annotationId ?? acks.get(refCommandId);
      assert.ok(server.has(id), `delete of an annotation the server does not store (${log.join(' ')})`);
      server.delete(id);
    } else {
      assert.ok(!acks.has(c.commandId), 'a commandId sent twice');
      const id = `a${++ids}`;
      acks.set(c.commandId, id);
      server.set(id, c);
    }
  };
  const history = new UndoHistory({
    send,
    draw: (c) => { const h = `h${++handles}`; screen.set(h, c); return h; },
    erase: (h) => { screen.delete(h); },
    annotationIdOf: (commandId) => (rng() < 0.5 ? acks.get(commandId) ?? null : null),
  });
  const pick = () => [...screen.keys()][Math.floor(rng() * screen.size)];
  const newId = () => `c${++commands}`;
  return {
    server, screen, history, log,
    draw(n) {
      const point = rng() < 0.3;
      const c = point
        ? { commandId: newId(), itemId: 'i', kind: 'point', classId: 1, slice: n % 3, point: { x: n, y: n, positive: rng() < 0.5 }, activeMs: 10 }
        : { commandId: newId(), itemId: 'i', kind: 'box', classId: 1 + (n % 2), slice: n % 3, box: { x0: n, y0: 0, x1: n + 5, y1: 5 }, activeMs: 10 };
      send(c);
      const h = `h${++handles}`;
      screen.set(h, c);
      history.recordCreate(c, h);
    },
    move(n) {
      const h = pick();
      const old = screen.get(h);
      send(deleteCommand({ itemId: 'i', annotationId: acks.get(old.commandId) }), { refCommandId: old.commandId });
      const next = old.kind === 'box'
        ? { ...old, commandId: newId(), box: { ...old.box, y0: old.box.y0 + n, y1: old.box.y1 + n } }
        : { ...old, commandId: newId(), point: { ...old.point, y: old.point.y + n } };
      screen.set(h, next); // a moved annotation keeps its handle on screen
      send(next);
      history.recordReplace(old, next, h);
    },
    remove() {
      const h = pick();
      const old = screen.get(h);
      screen.delete(h);
      send(deleteCommand({ itemId: 'i', annotationId: null }), { refCommandId: old.commandId });
      history.recordDelete(old, h);
    },
  };
}

/** The model: whole states, an undo stack and a redo stack. */
function model() {
  let now = [];
  const past = [], future = [];
  return {
    get now() { return now; },
    act(next) { past.push(now); now = next; future.length = 0; },
    undo() { if (past.length) { future.push(now); now = past.pop(); } },
    redo() { if (future.length) { past.push(now); now = future.pop(); } },
  };
}

function run(seed, steps) {
  const rng = random(seed);
  const ws = workspace(rng);
  const m = model();
  for (let n = 1; n <= steps; n++) {
    const r = rng();
    const some = ws.screen.size > 0;
    let step;
    if (r < 0.25 || !some && r < 0.6) step = 'draw';
    else if (r < 0.4 && some) step = 'move';
    else if (r < 0.5 && some) step = 'delete';
    else if (r < 0.78) step = 'undo';
    else step = 'redo';
    ws.log.push(step);
    if (step === 'draw') ws.draw(n);
    else if (step === 'move') ws.move(n);
    else if (step === 'delete') ws.remove();
    else if (step === 'undo') ws.history.undo();
    else ws.history.redo();
    if (step === 'undo') m.undo();
    else if (step === 'redo') m.redo();
    else m.act(shapes(ws.screen.values()));
    const where = `seed ${seed}, after ${ws.log.join(' ')}`;
    assert.deepEqual(shapes(ws.screen.values()), m.now, `screen differs from the model: ${where}`);
    assert.deepEqual(shapes(ws.server.values()), m.now, `server differs from the model: ${where}`);
    if (!['undo', 'redo'].includes(step)) assert.equal(ws.history.canRedo, false, `a new action leaves nothing to redo: ${where}`);
  }
}

test('Undo and redo over 500 generated sequences of draw, move, delete, undo and redo match the model on screen and on the server', () => {
  for (let seed = 1; seed <= 500; seed++) run(seed, 40);
});

test('Two undos after a draw and a move take back both, and two redos bring both back', () => {
  const ws = workspace(random(7));
  ws.draw(1);
  const drawn = shapes(ws.screen.values());
  ws.move(2);
  const moved = shapes(ws.screen.values());
  ws.history.undo();
  assert.deepEqual(shapes(ws.screen.values()), drawn);
  ws.history.undo();
  assert.deepEqual(shapes(ws.screen.values()), []);
  assert.deepEqual(shapes(ws.server.values()), []);
  ws.history.redo();
  assert.deepEqual(shapes(ws.screen.values()), drawn);
  ws.history.redo();
  assert.deepEqual(shapes(ws.screen.values()), moved);
  assert.deepEqual(shapes(ws.server.values()), moved);
  assert.equal(ws.history.canRedo, false);
});

test('Undo of two draws takes back one per press', () => {
  const ws = workspace(random(3));
  ws.draw(1);
  ws.draw(2);
  ws.history.undo();
  assert.equal(ws.screen.size, 1);
  ws.history.undo();
  assert.equal(ws.screen.size, 0);
  ws.history.redo();
  ws.history.redo();
  assert.equal(ws.screen.size, 2);
  assert.equal(ws.server.size, 2);
});
