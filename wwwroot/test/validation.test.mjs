import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateCommand } from '../src/validation.js';

// The same cases the server's validator is held to (Core.Tests SharedAnnotationCasesTests).
const { image, project, cases } = JSON.parse(readFileSync(new URL('./annotation-cases.json', import.meta.url), 'utf8'));

/** Expands {"repeat": [x, y], "count": n} into n copies of [x, y], and {"repeat": "text", "count": n} into the text n times. */
const expand = (v) => (Array.isArray(v) ? v.map(expand)
  : v && typeof v === 'object' ? (typeof v.repeat === 'string' ? v.repeat.repeat(v.count)
    : v.repeat ? Array.from({ length: v.count }, () => [...v.repeat]) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)])))
  : v);

for (const c of cases) {
  test(`Shared case: ${c.name} → ${c.refused ?? 'stored'}`, () => {
    const command = { commandId: 'c', itemId: 'i', activeMs: 0, ...expand(c.command) };
    assert.equal(validateCommand(command, image, { classIds: project.classIds, kinds: c.kinds ?? project.kinds }), c.refused);
  });
}
