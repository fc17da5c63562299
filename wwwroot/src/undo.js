// Undo/redo of the annotator's own actions (Ctrl+Z / Ctrl+Shift+Z). The server keeps an
// append-only history, so undo never rewinds it: undoing a creation sends a delete, redoing
// it sends the same shape again under a new commandId; undoing a deletion re-creates.
//
// Every re-creation gives a label a new commandId and a new handle on screen, so an operation
// never remembers "its" command or handle: it names a label, and the history keeps each
// label's current command and handle. An older operation on the same label (a create before a
// move, say) then always acts on what is on screen now, not on what was there when it was
// recorded, which would delete an annotation that is already gone and leave the visible one.

import { deleteCommand, recreate } from './commands.js';

export class UndoHistory {
  #done = []; #undone = [];
  /** label → { command, handle }: what each label is now (its create command, its handle). */
  #labels = new Map();
  /** create commandId → label, for every command a label has had. */
  #byCommand = new Map();
  #nextLabel = 0;

  /**
   * send(command, {refCommandId}) → enqueues a command. draw(command) → draws a created
   * annotation and returns its local handle; erase(handle) removes it from the screen.
   * annotationIdOf(commandId) → the server's id once acked, else null.
   */
  constructor({ send, draw, erase, annotationIdOf, limit = 200 }) {
    Object.assign(this, { send, draw, erase, annotationIdOf, limit });
  }

  get canUndo() { return this.#done.length > 0; }
  get canRedo() { return this.#undone.length > 0; }

  /** After the annotator created an annotation (command already sent). */
  recordCreate(command, handle) {
    this.#push({ type: 'create', label: this.#label(command, handle) });
  }

  /** After one drawing stored as several labels (a scribble on a coronal image: plane-labels.js): one step. entries: [[command, handle], …]. */
  recordCreateMany(entries) {
    if (entries.length === 1) { this.recordCreate(...entries[0]); return; }
    this.#push({ type: 'group', ops: entries.map(([command, handle]) => ({ type: 'create', label: this.#label(command, handle) })) });
  }

  /** After the annotator deleted one (delete already sent); command = the create it removed. */
  recordDelete(command, handle) {
    this.#push({ type: 'delete', label: this.#label(command, handle) });
  }

  /** After a change of shape or value (a delete of `from` and a create of `to`, both already sent). */
  recordReplace(from, to, handle) {
    const label = this.#label(from, handle);
    this.#set(label, to, handle);
    this.#push({ type: 'replace', label, from, to });
  }

  /** The label that `command` belongs to (a new one for a command never seen), set to command and handle. */
  #label(command, handle) {
    const label = this.#byCommand.get(command.commandId) ?? `label-${++this.#nextLabel}`;
    this.#set(label, command, handle);
    return label;
  }

  #set(label, command, handle) {
    this.#labels.set(label, { command, handle });
    this.#byCommand.set(command.commandId, label);
  }

  #push(op) {
    this.#done.push(op);
    if (this.#done.length > this.limit) this.#done.shift();
    this.#undone = [];
  }

  /** Returns the operation undone, or null. */
  undo() {
    const op = this.#done.pop();
    if (!op) return null;
    this.#undoOp(op);
    this.#undone.push(op);
    return op;
  }

  /** Returns the operation redone, or null. */
  redo() {
    const op = this.#undone.pop();
    if (!op) return null;
    this.#redoOp(op);
    this.#done.push(op);
    return op;
  }

  #undoOp(op) {
    if (op.type === 'group') [...op.ops].reverse().forEach((o) => this.#undoOp(o));
    else if (op.type === 'replace') this.#become(op.label, op.from);
    else if (op.type === 'create') this.#remove(op.label); else this.#create(op.label);
  }

  #redoOp(op) {
    if (op.type === 'group') op.ops.forEach((o) => this.#redoOp(o));
    else if (op.type === 'replace') this.#become(op.label, op.to);
    else if (op.type === 'create') this.#create(op.label); else this.#remove(op.label);
  }

  /** The label's current command, or null when it is not on screen. */
  current(label) { return this.#labels.get(label)?.command ?? null; }

  /** Erases the label's current annotation and sends its delete. */
  #remove(label) {
    const { command, handle } = this.#labels.get(label);
    this.erase(handle);
    const del = deleteCommand({ itemId: command.itemId, annotationId: this.annotationIdOf(command.commandId) });
    this.send(del, { refCommandId: command.commandId });
  }

  /** Draws the label again (its last shape) under a new commandId and sends it. */
  #create(label, shape = this.#labels.get(label).command) {
    const command = recreate(shape, { activeMs: 0 });
    const handle = this.draw(command);
    this.#set(label, command, handle);
    this.send(command, {});
  }

  /** Replaces the label's current annotation by `shape` (a delete and a create). */
  #become(label, shape) {
    this.#remove(label);
    this.#create(label, shape);
  }

  clear() { this.#done = []; this.#undone = []; this.#labels.clear(); this.#byCommand.clear(); }
}
