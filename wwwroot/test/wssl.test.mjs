import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWssl, encodeWssl, realValues } from '../src/wssl.js';

/** A 3 × 2 Int16 slice written byte by byte, as the protocol document draws it. */
function handMade({ sampleType = 1, slope = 1, intercept = 0, samples = [-1024, 0, 40, 3071, -1, 7] } = {}) {
  const buf = new ArrayBuffer(40 + samples.length * 2);
  const v = new DataView(buf);
  [0x57, 0x53, 0x53, 0x4c].forEach((b, i) => v.setUint8(i, b)); // "WSSL"
  v.setUint8(4, 1); v.setUint8(5, sampleType); v.setUint16(6, 40, true);
  v.setUint32(8, 3, true); v.setUint32(12, 2, true);
  v.setFloat64(16, slope, true); v.setFloat64(24, intercept, true);
  v.setFloat32(32, 0.7, true); v.setFloat32(36, 0.8, true);
  samples.forEach((s, i) => (sampleType === 1 ? v.setInt16(40 + 2 * i, s, true) : v.setUint16(40 + 2 * i, s, true)));
  return buf;
}

test('Decodes a hand-built Int16 slice: header fields and little-endian samples, top row first', () => {
  const s = decodeWssl(handMade());
  assert.equal(s.width, 3); assert.equal(s.height, 2); assert.equal(s.version, 1);
  assert.ok(s.samples instanceof Int16Array);
  assert.deepEqual([...s.samples], [-1024, 0, 40, 3071, -1, 7]);
  assert.ok(Math.abs(s.spacing[0] - 0.7) < 1e-6 && Math.abs(s.spacing[1] - 0.8) < 1e-6);
  assert.equal(realValues(s), s.samples, 'identity map keeps the samples');
});

test('UInt16 samples with slope and intercept give real values', () => {
  const s = decodeWssl(handMade({ sampleType: 2, slope: 0.5, intercept: -100, samples: [0, 1, 2, 65535, 200, 4] }));
  assert.ok(s.samples instanceof Uint16Array);
  assert.deepEqual([...realValues(s)], [-100, -99.5, -99, 32667.5, 0, -98]);
});

test('A slice inside a larger buffer at an odd offset decodes', () => {
  const raw = new Uint8Array(handMade());
  const big = new Uint8Array(raw.length + 3); big.set(raw, 3);
  assert.deepEqual([...decodeWssl(big.subarray(3)).samples], [-1024, 0, 40, 3071, -1, 7]);
});

test('Bad magic, version, sample type and truncated data are refused', () => {
  const bad = (mutate) => { const b = handMade(); mutate(new DataView(b)); return b; };
  assert.throws(() => decodeWssl(bad((v) => v.setUint8(0, 0x58))), /magic/);
  assert.throws(() => decodeWssl(bad((v) => v.setUint8(4, 2))), /version/);
  assert.throws(() => decodeWssl(bad((v) => v.setUint8(5, 3))), /sample type/);
  assert.throws(() => decodeWssl(handMade().slice(0, 50)), /expected 52/);
  assert.throws(() => decodeWssl(new ArrayBuffer(10)), /shorter than the header/);
});

test('The encoder used by the dev harness writes what the decoder reads', () => {
  const samples = Int16Array.from({ length: 12 }, (_, i) => i * 100 - 600);
  const s = decodeWssl(encodeWssl({ width: 4, height: 3, samples, spacing: [1, 2] }));
  assert.deepEqual([...s.samples], [...samples]);
});
