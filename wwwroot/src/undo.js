// Undo/redo of the annotator's own actions (Ctrl+Z / Ctrl+Shift+Z). The server keeps an
// append-only history, so undo never rewinds it: undoing a creation sends a delete, redoing
// it sends the same shape again under a new commandId; undoing a deletion re-creates.

import { deleteCommand, recreate } from './commands.js';

export class UndoHistory {
  #done = []; #undone = [];

  /**
   * send(command, {refCommandId}) → enqueues a command. draw(command) → draws a created
   * annotation and returns its local handle; erase(handle) removes it from the screen.
   * annotationIdOf(commandId) → the server's id once acked, else null. now() → ms clock for activeMs.
   */
  constructor({ send, draw, erase, annotationIdOf, limit = 200 }) {
    Object.assign(this, { send, draw, erase, annotationIdOf, limit });
  }

  get canUndo() { return this.#done.length > 0; }
  get canRedo() { return this.#undone.length > 0; }

  /** After the annotator created an annotation (command already sent). */
  recordCreate(command, handle) { this.#push({ type: 'create', command, handle }); }
  /** After the annotator deleted one (delete already sent); command = the create it removed. */
  recordDelete(command, handle) { this.#push({ type: 'delete', command, handle }); }
  /** After a change of shape or value (a delete of `from` and a create of `to`, both already sent). */
  recordReplace(from, to, handle) { this.#push({ type: 'replace', from, to, handle }); }

  #push(op) { this.#done.push(op); if (this.#done.length > this.limit) this.#done.shift(); this.#undone = []; }

  /** Returns the operation undone, or null. */
  undo() {
    const op = this.#done.pop();
    if (!op) return null;
    if (op.type === 'replace') this.#swap(op, 'to', 'from');
    else if (op.type === 'create') this.#remove(op); else this.#create(op);
    this.#undone.push(op);
    return op;
  }

  /** Returns the operation redone, or null. */
  redo() {
    const op = this.#undone.pop();
    if (!op) return null;
    if (op.type === 'replace') this.#swap(op, 'from', 'to');
    else if (op.type === 'create') this.#create(op); else this.#remove(op);
    this.#done.push(op);
    return op;
  }

  #remove(op) {
    this.erase(op.handle);
    const del = deleteCommand({ itemId: op.command.itemId, annotationId: this.annotationIdOf(op.command.commandId) });
    this.send(del, { refCommandId: op.command.commandId });
  }

  #create(op) {
    op.command = recreate(op.command, { activeMs: 0 });
    op.handle = this.draw(op.command);
    this.send(op.command, {});
  }

  /** Removes op[out] (a delete) and brings op[back] again under a new commandId. */
  #swap(op, out, back) {
    this.#remove({ command: op[out], handle: op.handle });
    const again = { command: op[back] };
    this.#create(again);
    op[back] = again.command;
    op.handle = again.handle;
  }

  clear() { this.#done = []; this.#undone = []; }
}
