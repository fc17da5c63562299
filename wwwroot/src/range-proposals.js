// Proposals over a range of slices (pure): a propagation's masks, streamed slice by slice from
// the hub's Propagate (docs/suggestion-protocol.md, "Propagation"), or interpolated boxes
// (box-interpolation.js). Each slice's proposal is open until the annotator accepts it (it
// becomes a label: provenance "propagated" or "interpolated") or rejects it; "accept all" takes
// every open one. Where a propagation stopped, and why, is kept per direction.

/** A proposal: { slice, kind: 'mask' | 'box', mask?, box?, provenance, state: 'open' | 'accepted' | 'rejected' }. */
export class RangeProposals {
  #bySlice = new Map();
  #stops = []; // [{ direction, slice, reason }]
  #origin; // { kind: 'propagation' | 'interpolation', classId, slice (start), requestId? }
  #running = false;
  #error = null;

  constructor(origin) { this.#origin = { ...origin }; this.#running = origin.kind === 'propagation'; }

  get origin() { return { ...this.#origin }; }
  get classId() { return this.#origin.classId; }
  get running() { return this.#running; }
  get error() { return this.#error; }
  get stops() { return this.#stops.map((s) => ({ ...s })); }
  /** Every proposal, by ascending slice. */
  get all() { return [...this.#bySlice.values()].sort((a, b) => a.slice - b.slice).map((p) => ({ ...p })); }
  get open() { return this.all.filter((p) => p.state === 'open'); }
  /** The proposal on slice k, or null. */
  on(k) { const p = this.#bySlice.get(k); return p ? { ...p } : null; }

  /**
   * One message of the Propagate stream: { requestId, slice, from, direction, proposed, stop, reply }.
   * Returns 'proposed' (a mask for that slice is now open), 'stopped' (a direction ended there),
   * 'refused' (the whole request was refused: `error` says why) or 'stale' (another request's).
   */
  receive(message) {
    if (this.#origin.kind !== 'propagation' || !message || (this.#origin.requestId && message.requestId !== this.#origin.requestId && message.requestId !== '00000000-0000-0000-0000-000000000000')) return 'stale';
    if (!message.reply && message.stop) { this.#error = message.stop; this.#running = false; return 'refused'; }
    if (!message.proposed) {
      this.#stops.push({ direction: message.direction, slice: message.slice, reason: message.stop });
      if (message.direction === 0) { this.#error = message.stop; }
      return 'stopped';
    }
    const r = message.reply;
    this.#bySlice.set(message.slice, {
      slice: message.slice, kind: 'mask', mask: r.mask, state: 'open', score: r.score, ranOn: r.ranOn,
      provenance: {
        source: 'propagated', engine: r.engine, modelVersion: r.engineVersion ?? null,
        prompt: JSON.stringify({ propagatedFrom: message.from, slice: message.slice, propagation: message.requestId }),
        suggestionId: r.suggestionId, objectId: r.objectId,
      },
    });
    return 'proposed';
  }

  /** The stream ended (complete) or failed (sentence). */
  finish(sentence = null) { this.#running = false; if (sentence) this.#error = sentence; }

  /** Interpolated boxes ({ slice, x0, y0, x1, y1 } each) from the two key boxes (their command ids in the prompt). */
  addBoxes(boxes, keys) {
    for (const b of boxes) {
      this.#bySlice.set(b.slice, {
        slice: b.slice, kind: 'box', box: { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 }, state: 'open',
        provenance: { source: 'interpolated', prompt: JSON.stringify({ between: keys }) },
      });
    }
  }

  /** Marks slice k's open proposal accepted; returns it (for the label command) or null. */
  accept(k) {
    const p = this.#bySlice.get(k);
    if (!p || p.state !== 'open') return null;
    p.state = 'accepted';
    return { ...p };
  }

  /** Accepts every open proposal; returns them by ascending slice. */
  acceptAll() { return this.open.map((p) => this.accept(p.slice)); }

  /** Marks slice k's open proposal rejected; returns whether there was one. */
  reject(k) {
    const p = this.#bySlice.get(k);
    if (!p || p.state !== 'open') return false;
    p.state = 'rejected';
    return true;
  }

  /** Rejects every open proposal; returns the slices. */
  rejectAll() { return this.open.map((p) => (this.reject(p.slice), p.slice)); }

  /** Whether anything is left to decide (or still coming). */
  get active() { return this.#running || this.open.length > 0; }

  /** The panel's summary line. */
  summary() {
    const all = this.all, n = (s) => all.filter((p) => p.state === s).length;
    const what = this.#origin.kind === 'propagation' ? 'Propagated' : 'Interpolated';
    const range = all.length ? ` on slices ${all[0].slice + 1}–${all[all.length - 1].slice + 1}` : '';
    return `${what}: ${all.length}${range}${this.#running ? ' (running…)' : ''} · ${n('open')} open, ${n('accepted')} accepted, ${n('rejected')} rejected`;
  }
}
