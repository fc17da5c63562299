// The run-length code of a binary slice mask on the wire (docs/suggestion-protocol.md): pixels
// row-major with x fastest, run lengths alternating and starting with a run of unset pixels (which
// may be 0 long); every later run is at least 1 long and the runs add up to width × height.
// The server applies the same rule (src/WeakSegPortal.Labels/Labels/MaskRle.cs); both are held to
// wwwroot/test/mask-rle-cases.json.

export const MAX_RUNS = 1 << 20;

/** The code of a mask (any array-like of truthy/falsy values, e.g. a Uint8Array). */
export function encodeMask(mask) {
  const runs = [];
  let current = false;
  let length = 0;
  for (let i = 0; i < mask.length; i++) {
    const set = !!mask[i];
    if (set !== current) { runs.push(length); current = set; length = 0; }
    length++;
  }
  runs.push(length);
  return runs;
}

/** Why counts is not the code of a width × height mask; null when it is. */
export function maskCodeProblem(counts, width, height) {
  if (!(width > 0) || !(height > 0)) return 'the mask needs a positive width and height';
  if (!Array.isArray(counts) || counts.length === 0) return 'the mask has no runs';
  if (counts.length > MAX_RUNS) return `the mask has ${counts.length} runs; at most ${MAX_RUNS} are read`;
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (!Number.isInteger(n) || n < 0 || (i > 0 && n === 0)) return `run ${i} is ${n} long; only the first run may be empty and none negative`;
    total += n;
  }
  const expected = width * height;
  return total === expected ? null : `the runs cover ${total} pixels, the slice has ${expected} (${width} × ${height})`;
}

/** The mask (Uint8Array of 0/1) of a code; a code maskCodeProblem refuses throws with the reason. */
export function decodeMask(counts, width, height) {
  const problem = maskCodeProblem(counts, width, height);
  if (problem) throw new Error(`Not a mask code: ${problem}.`);
  const mask = new Uint8Array(width * height);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    if (i % 2 === 1) mask.fill(1, at, at + counts[i]);
    at += counts[i];
  }
  return mask;
}
