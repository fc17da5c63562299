import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs } from '../src/hub-client.js';
import { keyOf } from '../src/shortcuts.js';

test('Reconnect delays grow from half a second and stay at 30 s (± jitter) forever', () => {
  const mid = () => 0.5;
  assert.equal(backoffMs(0, mid), 500);
  assert.equal(backoffMs(1, mid), 1000);
  assert.equal(backoffMs(3, mid), 4000);
  assert.equal(backoffMs(50, mid), 30000);
  assert.equal(backoffMs(10_000, mid), 30000, 'never gives up, never overflows');
  assert.ok(backoffMs(6, () => 0) >= 24000 && backoffMs(6, () => 0.999) <= 36000);
});

test('Key names: letters upper-case, Ctrl/Shift combos, symbols without Shift', () => {
  const ev = (key, mods = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  assert.equal(keyOf(ev('b')), 'B');
  assert.equal(keyOf(ev('z', { ctrlKey: true })), 'Ctrl+Z');
  assert.equal(keyOf(ev('Z', { ctrlKey: true, shiftKey: true })), 'Ctrl+Shift+Z');
  assert.equal(keyOf(ev('z', { metaKey: true })), 'Ctrl+Z', 'Cmd on a Mac');
  assert.equal(keyOf(ev('?', { shiftKey: true })), '?');
  assert.equal(keyOf(ev('+', { shiftKey: true })), '+');
  assert.equal(keyOf(ev('ArrowDown')), 'ArrowDown');
  assert.equal(keyOf(ev('1', { altKey: true })), 'Alt+1');
});
