// The suggestion tool's state (pure; docs/suggestion-protocol.md): the prompt of the object being
// outlined (a box, positive and negative clicks, scribbles, all on one slice) and the sequencing of
// its requests. Every request carries the object's whole prompt so far under the same objectId;
// only the answer to the newest request of the current object is shown (an older one still in
// flight is superseded), and nothing answered for an object that was accepted, rejected or left
// is shown. Accepting gives what the mask command needs; a new object gets a new objectId.

import { uuid } from './commands.js';

/** What an answer with an empty mask says (nothing to accept). */
export const NOTHING_FOUND = 'The engine found nothing there: try a tighter box, or click on the object.';
/** Whether a run-length code sets any pixel (odd runs are set). */
const hasSetPixels = (mask) => (mask.counts ?? []).some((n, i) => i % 2 === 1 && n > 0);

/** A prompt with nothing in it. */
const emptyPrompt = () => ({ box: null, points: [], scribbles: [] });

export class SuggestSession {
  #itemId; #orientation; #newId; #now; #engine;
  #object = null; // { objectId, slice, classId, prompt, steps: [{ type, before? }] }
  #latest = null; // { requestId, sentAt } of the newest request of the object
  #shown = null; // the newest ok reply of the object, or null
  #error = null; // the newest reply's (or call's) sentence when it failed

  /**
   * itemId: the item on screen. engine: null for the project's engine (or a name it allows).
   * newId() → uuid (tests pass a counter); now() → ms (latency shown in the panel).
   */
  constructor({ itemId, orientation = 'axial', engine = null, newId = uuid, now = () => Date.now() }) {
    this.#itemId = itemId; this.#orientation = orientation; this.#engine = engine; this.#newId = newId; this.#now = now;
  }

  /** The object being outlined: { objectId, slice, classId, prompt } (copies), or null. */
  get object() { return this.#object && structuredClone({ objectId: this.#object.objectId, slice: this.#object.slice, classId: this.#object.classId, prompt: this.#object.prompt }); }
  get objectId() { return this.#object?.objectId ?? null; }
  /** The plane the prompts are drawn on: 'axial', 'coronal' or 'sagittal' (prompt x, y are that image's pixels). */
  get orientation() { return this.#orientation; }
  /** Prompts go to another plane from now on; an open object (on the old plane) is dropped. */
  setOrientation(orientation) { if (orientation !== this.#orientation) { this.#clear(); this.#orientation = orientation; } }
  get slice() { return this.#object?.slice ?? null; }
  /** How many prompt steps (box, clicks, scribbles) the object has. */
  get steps() { return this.#object?.steps.length ?? 0; }
  /** The answer on screen (an ok reply of the newest request), or null. */
  get shown() { return this.#shown; }
  /** The sentence of the newest failure, or null. */
  get error() { return this.#error; }
  /** Whether a request of the object is still unanswered. */
  get waiting() { return !!this.#latest && !this.#latest.answered; }
  /** Whether there is anything to accept, reject or undo. */
  get open() { return this.steps > 0 || !!this.#shown; }

  /** The object on slice k of class classId (a new one when none is open or it lies on another slice). */
  #objectOn(slice, classId) {
    if (!this.#object || this.#object.slice !== slice) this.#start(slice, classId);
    this.#object.classId = classId;
    return this.#object;
  }

  #start(slice, classId) {
    this.#object = { objectId: this.#newId(), slice, classId, prompt: emptyPrompt(), steps: [] };
    this.#latest = null; this.#shown = null; this.#error = null;
  }

  /** A dragged box (index space) replaces the object's box. Returns the request to send. */
  addBox(slice, classId, box) {
    const o = this.#objectOn(slice, classId);
    o.steps.push({ type: 'box', before: o.prompt.box });
    o.prompt.box = { x0: Math.min(box.x0, box.x1), y0: Math.min(box.y0, box.y1), x1: Math.max(box.x0, box.x1), y1: Math.max(box.y0, box.y1) };
    return this.request();
  }

  /** A click: positive (part of the object) or negative (not). Returns the request to send. */
  addPoint(slice, classId, { x, y, positive }) {
    const o = this.#objectOn(slice, classId);
    o.steps.push({ type: 'point' });
    o.prompt.points.push({ x, y, positive: positive !== false });
    return this.request();
  }

  /** A scribble; classId other than the object's means "not this object". Returns the request to send. */
  addScribble(slice, classId, { points, width, classId: scribbleClass = classId }) {
    const o = this.#objectOn(slice, classId);
    o.steps.push({ type: 'scribble' });
    o.prompt.scribbles.push({ points: points.map(([px, py]) => [px, py]), width, classId: scribbleClass });
    return this.request();
  }

  /**
   * Takes back the last prompt step. Returns the request for what is left, or null when nothing
   * is left (the mask on screen goes too) or there was nothing to take back.
   */
  undoLast() {
    const o = this.#object;
    const step = o?.steps.pop();
    if (!step) return null;
    if (step.type === 'box') o.prompt.box = step.before;
    else if (step.type === 'point') o.prompt.points.pop();
    else o.prompt.scribbles.pop();
    if (o.steps.length === 0) { this.#latest = null; this.#shown = null; this.#error = null; return null; }
    return this.request();
  }

  /** The class of the open object changes (the annotator picked another class). */
  setClass(classId) { if (this.#object) this.#object.classId = classId; }

  /** The request for the object's whole prompt so far, under a new requestId; it supersedes every earlier one. */
  request() {
    const o = this.#object;
    if (!o) throw new Error('No object to suggest for.');
    const requestId = this.#newId();
    this.#latest = { requestId, sentAt: this.#now(), answered: false };
    const { box, points, scribbles } = structuredClone(o.prompt);
    return {
      requestId, objectId: o.objectId, itemId: this.#itemId, orientation: this.#orientation, slice: o.slice, classId: o.classId,
      engine: this.#engine, box, points, scribbles,
    };
  }

  /**
   * An answer from the hub. Returns 'shown' (the newest request's mask is now on screen),
   * 'failed' (the newest request failed: `error` says why) or 'stale' (superseded, or for an
   * object no longer open: ignored). latencyMs is set on what is shown.
   */
  receive(reply) {
    const latest = this.#latest;
    if (!latest || !reply || reply.requestId !== latest.requestId || reply.objectId !== this.#object?.objectId) return 'stale';
    latest.answered = true;
    if (!reply.ok || !reply.mask || !hasSetPixels(reply.mask)) {
      this.#shown = null;
      this.#error = !reply.ok || !reply.mask ? reply.error || 'The suggestion failed.' : NOTHING_FOUND;
      return 'failed';
    }
    this.#shown = { ...reply, latencyMs: Math.max(0, Math.round(this.#now() - latest.sentAt)) };
    this.#error = null;
    return 'shown';
  }

  /** The call for request requestId failed (no connection, a hub error): shown as its sentence unless superseded. */
  fail(requestId, sentence) {
    if (!this.#latest || this.#latest.requestId !== requestId) return 'stale';
    this.#latest.answered = true;
    this.#shown = null;
    this.#error = sentence;
    return 'failed';
  }

  /**
   * Accepts the mask on screen. Returns { orientation, slice, classId, mask, provenance } for the mask command
   * (provenance: source "suggestion", engine, modelVersion, prompt (JSON text), suggestionId,
   * objectId), or null when no mask is shown. The next prompt starts a new object.
   */
  accept() {
    const accepted = this.acceptance();
    if (accepted) this.#clear();
    return accepted;
  }

  /** What accept() would give, leaving the object open (to check it before accepting). */
  acceptance() {
    const o = this.#object, s = this.#shown;
    if (!o || !s) return null;
    const prompt = JSON.stringify({ orientation: this.#orientation, slice: o.slice, ...o.prompt });
    const accepted = {
      orientation: this.#orientation, slice: o.slice, classId: o.classId, mask: structuredClone(s.mask),
      provenance: { source: 'suggestion', engine: s.engine, modelVersion: s.engineVersion ?? null, prompt, suggestionId: s.suggestionId, objectId: o.objectId },
    };
    return accepted;
  }

  /**
   * Throws the object away (Esc, a new object, leaving its slice). Returns { suggestionId, objectId }
   * of the mask that was on screen (for RejectSuggestion), or null when none was.
   */
  reject() {
    const o = this.#object, s = this.#shown;
    this.#clear();
    return o && s ? { suggestionId: s.suggestionId, objectId: o.objectId } : null;
  }

  #clear() { this.#object = null; this.#latest = null; this.#shown = null; this.#error = null; }
}
