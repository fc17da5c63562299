import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PROVENANCE_SOURCES, provenanceProblem } from '../src/validation.js';

const shared = JSON.parse(readFileSync(new URL('./provenance-sources.json', import.meta.url), 'utf8'));

test('the browser lists the same provenance sources as the server (Provenance.Sources)', () => {
  assert.deepEqual([...PROVENANCE_SOURCES], shared);
});

test('every listed source is accepted with its fields and an unlisted one is refused', () => {
  const ids = { suggestionId: '0b7e3c1e-4a64-4c2a-9d55-2b1e6f0d9a11', objectId: '5d0c2f7a-8e3b-4f61-a2c4-7e9b1d3f6a22' };
  for (const source of shared) {
    const p = source === 'suggestion' || source === 'propagated' ? { source, engine: 'grabcut-box', modelVersion: '1', ...ids } : { source };
    assert.equal(provenanceProblem(p), null, source);
  }
  assert.match(provenanceProblem({ source: 'guessed' }), /must be one of "manual", "suggestion", "propagated", "interpolated"/);
});
