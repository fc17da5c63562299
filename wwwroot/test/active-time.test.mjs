import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActiveTimer } from '../src/active-time.js';

function clock() { let t = 0; const c = () => t; c.advance = (ms) => { t += ms; }; return c; }

test('Time between inputs counts; a gap longer than 30 s does not', () => {
  const now = clock();
  const timer = new ActiveTimer({ now });
  timer.activity();
  now.advance(10_000); timer.activity();
  now.advance(45_000); timer.activity(); // came back after a coffee
  now.advance(5_000); timer.activity();
  assert.equal(timer.itemMs, 15_000);
});

test('A gap of exactly the idle limit still counts', () => {
  const now = clock();
  const timer = new ActiveTimer({ now, idleMs: 30_000 });
  timer.activity(); now.advance(30_000); timer.activity();
  assert.equal(timer.itemMs, 30_000);
});

test('Each annotation gets the active time since the previous one was finished', () => {
  const now = clock();
  const timer = new ActiveTimer({ now });
  timer.activity();
  now.advance(4_000); timer.activity();
  now.advance(1_000);
  assert.equal(timer.finishAnnotation(), 5_000);
  now.advance(60_000); timer.activity(); // idle: excluded
  now.advance(2_500);
  assert.equal(timer.finishAnnotation(), 2_500);
  assert.equal(timer.itemMs, 7_500);
  assert.equal(timer.sinceLastMs, 0);
});
