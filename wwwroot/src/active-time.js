// Active time per item and per annotation (CONVENTIONS.md "Time"): gaps between inputs
// longer than the idle limit (30 s by default) are not counted. An annotation's active time
// is the active time since the previous annotation was finished (or the item was opened):
// looking for the structure is part of the effort, idling is not.

export class ActiveTimer {
  #now; #idleMs; #last = null; #total = 0; #mark = 0;

  constructor({ now = () => performance.now(), idleMs = 30000 } = {}) { this.#now = now; this.#idleMs = idleMs; }

  /** Call on every input event (pointer, wheel, key). */
  activity() {
    const t = this.#now();
    if (this.#last !== null) {
      const gap = t - this.#last;
      if (gap > 0 && gap <= this.#idleMs) this.#total += gap;
    }
    this.#last = t;
  }

  /** Active ms on the item so far (up to the last input). */
  get itemMs() { return Math.round(this.#total); }

  /** Active ms since the last finished annotation; starts the next one. */
  finishAnnotation() {
    this.activity();
    const ms = this.#total - this.#mark;
    this.#mark = this.#total;
    return Math.round(ms);
  }

  /** Active ms since the last finished annotation, without starting a new one. */
  get sinceLastMs() { return Math.round(this.#total - this.#mark); }
}
