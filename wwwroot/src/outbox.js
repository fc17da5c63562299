// The outbox (docs/annotation-protocol.md "Outbox"): every command is stored before it is
// sent and leaves only on an ack, accepted or refused finally; an ack that asks for a retry
// (nothing stored, a passing fault) keeps it, like a failed call. Flushed in order on load and on every
// reconnect: several pending commands go in runs of up to MAX_RUN through sendMany (the hub's
// SubmitMany) when there is one, otherwise one at a time. Storage sits behind a tiny interface:
//   getAll() → entries sorted by seq · put(entry) → entry with seq · remove(seq)
//   getAcks() → {commandId: annotationId} · putAck(commandId, annotationId)
// MemoryStore serves the node tests; IndexedDbStore the browser.
//
// One outbox per signed-in user: the browser keeps one IndexedDB database per user
// (outboxDatabaseName), and every entry also carries the userId it was made under; an Outbox
// loads and sends only its own user's entries, whatever else a store holds. The shared database
// of earlier versions (LEGACY_OUTBOX_DB, one per origin) is never opened again: whose its
// entries were cannot be told, and sending one would store it under whoever is signed in now.

import { saveState } from './save-state.js';

/** In-memory store; survives a "reload" as long as the same object is reused. */
export class MemoryStore {
  #entries = new Map(); #acks = new Map(); #seq = 0;
  async getAll() { return [...this.#entries.values()].sort((a, b) => a.seq - b.seq).map((e) => structuredClone(e)); }
  async put(entry) { const e = { ...structuredClone(entry), seq: entry.seq ?? ++this.#seq }; this.#entries.set(e.seq, e); return e; }
  async remove(seq) { this.#entries.delete(seq); }
  async getAcks() { return Object.fromEntries(this.#acks); }
  async putAck(commandId, annotationId) { this.#acks.set(commandId, annotationId); }
}

/** The database that outboxes of every user on a browser shared before it was kept per user. */
export const LEGACY_OUTBOX_DB = 'weakseg-outbox';

/** IndexedDB database of one user's outbox; no user (the dev harness) gets one of its own. */
export function outboxDatabaseName(userId) {
  return `${LEGACY_OUTBOX_DB}:${userId ? String(userId).toLowerCase() : 'anonymous'}`;
}

/** IndexedDB store, one database per name (see outboxDatabaseName); entries keyed by an auto-increment seq. */
export class IndexedDbStore {
  #db;
  constructor(name) {
    if (!name || name === LEGACY_OUTBOX_DB) throw new Error('IndexedDbStore: name the user\'s database (outboxDatabaseName)');
    this.name = name;
  }
  #open() {
    this.#db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(this.name, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('commands', { keyPath: 'seq', autoIncrement: true });
        req.result.createObjectStore('acks');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.#db;
  }
  async #tx(storeName, mode, fn) {
    const db = await this.#open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const req = fn(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(req?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  async getAll() { return (await this.#tx('commands', 'readonly', (s) => s.getAll())) ?? []; }
  async put(entry) {
    const e = { ...entry };
    if (e.seq == null) delete e.seq;
    const seq = await this.#tx('commands', 'readwrite', (s) => s.put(e));
    return { ...e, seq };
  }
  async remove(seq) { await this.#tx('commands', 'readwrite', (s) => s.delete(seq)); }
  async getAcks() {
    const db = await this.#open();
    return new Promise((resolve, reject) => {
      const out = {};
      const req = db.transaction('acks').objectStore('acks').openCursor();
      req.onsuccess = () => { const c = req.result; if (c) { out[c.key] = c.value; c.continue(); } else resolve(out); };
      req.onerror = () => reject(req.error);
    });
  }
  async putAck(commandId, annotationId) { await this.#tx('acks', 'readwrite', (s) => s.put(annotationId, commandId)); }
}

/** Most commands in one SubmitMany call (the server refuses more, storing nothing). */
export const MAX_RUN = 100;
/** Most JSON characters per run: the hub refuses messages over 1 MiB. A single larger command still goes alone. */
export const MAX_RUN_CHARS = 512 * 1024;

/** State text shown to the annotator (save-state.js decides it). */
export function stateText({ online, pending }) {
  return saveState({ online, pending }).text;
}

export class Outbox {
  #store; #send; #sendMany; #maxRun; #userId; #entries = []; #staged = 0; #stagedIds = new Set(); #acks = {}; #online = true; #flushing = null; #retryTimer = null; #failures = 0;
  #listeners = new Set();

  /**
   * store: see above. send(command) → Promise<ack>; throws when it cannot reach the server.
   * sendMany(commands) → Promise<ack[]> in the same order (optional; null: one at a time);
   * throws like send. maxRun: most commands per sendMany call (≤ MAX_RUN).
   * onRefused(command, reason), onAck(command, ack): callbacks. retry: re-flush after a failed
   * send while online (ms backoff function or false). userId: the signed-in user; only entries
   * made under that user are loaded and sent (others stay in the store untouched).
   */
  constructor({ store, send, sendMany = null, maxRun = MAX_RUN, userId = null, onRefused = () => {}, onAck = () => {}, retry = (n) => Math.min(30000, 1000 * 2 ** n), online = true }) {
    this.#store = store; this.#send = send; this.#sendMany = sendMany; this.#maxRun = Math.max(1, Math.min(MAX_RUN, maxRun)); this.#userId = userId ?? null; this.onRefused = onRefused; this.onAck = onAck; this.retry = retry; this.#online = online;
  }

  get userId() { return this.#userId; }

  /** Reads what an earlier page of the same user left behind; call once, then flush(). */
  async load() {
    this.#entries = (await this.#store.getAll()).filter((e) => (e.userId ?? null) === this.#userId);
    this.#acks = await this.#store.getAcks();
    this.#emit();
    return this.#entries.length;
  }

  /** Commands not yet acked, counting those still being written to the store. */
  get pending() { return this.#entries.length + this.#staged; }
  get online() { return this.#online; }
  /** The save state (save-state.js): { state: saved | saving | offline, pending, online, text, reason }. */
  get state() { return saveState({ online: this.#online, pending: this.pending, reason: this.lastError?.message ?? null }); }
  /** Pending commands, oldest first (copies). */
  get commands() { return this.#entries.map((e) => structuredClone(e.command)); }
  /** Pending entries, oldest first: { command, refCommandId } (copies). */
  get entries() { return this.#entries.map((e) => structuredClone({ command: e.command, refCommandId: e.refCommandId ?? null })); }
  /** annotationId given by the server to the annotation a command created, if acked. */
  annotationIdOf(commandId) { return this.#acks[commandId] ?? null; }
  /** Records an id learned elsewhere (getMyAnnotations). */
  async rememberAck(commandId, annotationId) { this.#acks[commandId] = annotationId; await this.#store.putAck(commandId, annotationId); }

  onState(fn) { this.#listeners.add(fn); fn(this.state); return () => this.#listeners.delete(fn); }
  #emit() { const s = this.state; for (const fn of this.#listeners) fn(s); }

  /**
   * Stores a command, then flushes. A commandId already pending is not stored twice.
   * refCommandId: for a delete whose annotationId is not known yet, the create it undoes.
   */
  async enqueue(command, { refCommandId = null } = {}) {
    const id = command.commandId;
    if (!this.#stagedIds.has(id) && !this.#entries.some((e) => e.command.commandId === id)) {
      // Counted at once, so the status never reads "saved" while a command is on its way to the store.
      this.#staged++;
      this.#stagedIds.add(id);
      this.#emit();
      try {
        const entry = await this.#store.put({ command: structuredClone(command), refCommandId, userId: this.#userId });
        this.#entries.push(entry);
      } finally {
        this.#staged--;
        this.#stagedIds.delete(id);
      }
      this.#emit();
    }
    return this.flush();
  }

  setOnline(online) {
    this.#online = online;
    this.#emit();
    if (online) return this.flush();
    return Promise.resolve();
  }

  /** Sends pending commands in order; resolves when the outbox is empty or sending stopped. */
  flush() {
    if (this.#flushing) return this.#flushing.then(() => (this.#entries.length && this.#online ? this.flush() : undefined));
    if (!this.#online || this.#entries.length === 0) return Promise.resolve();
    clearTimeout(this.#retryTimer);
    this.#flushing = this.#drain().finally(() => { this.#flushing = null; });
    return this.#flushing;
  }

  async #drain() {
    while (this.#online && this.#entries.length) {
      const run = this.#nextRun();
      if (!run.length) { await this.#drop(this.#entries[0]); continue; } // a delete with nothing to delete
      const commands = run.map((r) => r.command);
      let acks;
      try {
        acks = run.length > 1 && this.#sendMany ? await this.#sendMany(commands) : [await this.#send(commands[0])];
        // Acks for other commands, or too few, mean a confused server; keep the entries and retry later.
        if (!Array.isArray(acks) || acks.length !== commands.length) throw new Error(`${acks?.length} acks for ${commands.length} commands`);
        acks.forEach((ack, n) => {
          if (!ack || ack.commandId !== commands[n].commandId) throw new Error(`ack for ${ack?.commandId}, expected ${commands[n].commandId}`);
        });
      } catch (err) {
        this.lastError = err;
        this.#failures++;
        this.#emit();
        if (this.retry && this.#online) {
          this.#retryTimer = setTimeout(() => this.flush(), this.retry(this.#failures - 1));
        }
        return;
      }
      let retry = null;
      for (let n = 0; n < run.length; n++) {
        const command = commands[n], ack = acks[n];
        // Nothing stored, because of a passing fault: the command keeps its place and goes again.
        if (!ack.accepted && ack.retry) { retry ??= ack; continue; }
        if (ack.accepted && ack.annotationId) await this.rememberAck(command.commandId, ack.annotationId);
        await this.#drop(run[n].entry);
        if (ack.accepted) this.onAck(command, ack);
        else this.onRefused(command, ack.reason ?? 'The server refused the command.');
      }
      if (retry) {
        this.lastError = new Error(retry.reason ?? 'The server asked for the command again.');
        this.#failures++;
        this.#emit();
        if (this.retry && this.#online) this.#retryTimer = setTimeout(() => this.flush(), this.retry(this.#failures - 1));
        return;
      }
      this.#failures = 0;
      this.lastError = null;
    }
  }

  /**
   * The pending entries that can go out together, oldest first, as { entry, command }: at most
   * maxRun (one without sendMany) and about MAX_RUN_CHARS of JSON, ending before the first entry that cannot be resolved yet — a
   * delete whose create is in the same run (its annotationId comes with that create's ack), or
   * one whose create was never acked. Empty when the oldest entry itself cannot be resolved.
   */
  #nextRun() {
    const limit = this.#sendMany ? this.#maxRun : 1;
    const run = [];
    let chars = 0;
    for (const entry of this.#entries) {
      if (run.length >= limit) break;
      const command = this.#resolve(entry);
      if (!command) break;
      chars += JSON.stringify(command).length;
      if (run.length > 0 && chars > MAX_RUN_CHARS) break;
      run.push({ entry, command });
    }
    return run;
  }

  /** Fills in a delete's annotationId from the ack of the create it refers to; null = nothing to delete. */
  #resolve(entry) {
    const c = entry.command;
    if (c.kind !== 'delete' || c.delete.annotationId) return c;
    const id = entry.refCommandId ? this.#acks[entry.refCommandId] : null;
    return id ? { ...c, delete: { annotationId: id } } : null;
  }

  async #drop(entry) {
    await this.#store.remove(entry.seq);
    this.#entries = this.#entries.filter((e) => e.seq !== entry.seq);
    this.#emit();
  }

  dispose() { clearTimeout(this.#retryTimer); this.#listeners.clear(); this.#online = false; }
}
