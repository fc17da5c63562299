// What the suggestion panel says (pure): whether the slice on screen is ready for a click that runs
// only the decoder (GetSuggestionStatus on load and reconnect, EmbeddingsReady pushed as slices
// are prepared; a classical engine needs no embedding and is always ready), and the lines about
// the engine and the newest answer.

/** Engines that run on the raw image (OpenCV), without an image embedding. */
export const isClassical = (provider) => provider === 'OpenCV';

export class SliceReadiness {
  #itemId; #engine = null; #provider = null; #workers = null; #ready = new Set(); #known = false;
  constructor(itemId) { this.#itemId = itemId; }

  get engine() { return this.#engine; }
  get provider() { return this.#provider; }
  get workers() { return this.#workers; }
  /** Whether the server has said anything yet. */
  get known() { return this.#known; }

  /** GetSuggestionStatus(itemId)'s answer: { engine, provider, workers, readySlices }. */
  setStatus(status) {
    if (!status) return;
    this.#known = true;
    this.#engine = status.engine ?? null;
    this.#provider = status.provider ?? null;
    this.#workers = status.workers ?? null;
    this.#ready = new Set(status.readySlices ?? []);
  }

  /** An EmbeddingsReady push: { itemId, orientation, engine, slices }. Returns whether it was this item's. */
  embeddingsReady(event) {
    if (!event || event.itemId !== this.#itemId || (event.orientation && event.orientation !== 'axial')) return false;
    if (this.#engine && event.engine && event.engine !== this.#engine) return false;
    for (const k of event.slices ?? []) this.#ready.add(k);
    return true;
  }

  /** Whether a click on slice k runs without computing an embedding first. */
  isReady(k) { return isClassical(this.#provider) || this.#ready.has(k); }
}

/**
 * The panel's lines: { readiness, engine, answer, error, online } as texts.
 * online: the hub is connected; allowed: the project allows masks (else why).
 */
export function panelLines({ online, allowed = true, readiness, slice, shown, error, waiting }) {
  if (!allowed) return { state: 'disabled', readiness: '', engine: '', answer: '', error: 'Suggestions become full-mask labels, and this project does not allow masks. A project manager can allow them.' };
  if (!online) return { state: 'offline', readiness: '', engine: '', answer: '', error: 'Suggestions need the connection. The other tools keep working; your labels wait in this browser.' };
  const r = readiness;
  const ready = !r?.known ? '' : r.isReady(slice) ? 'slice ready' : 'preparing…';
  const engine = shown ? `${shown.engine} v${shown.engineVersion ?? '?'} · ${shown.provider ?? '?'}`
    : r?.engine ? `${r.engine} · ${r.provider ?? '?'}` : '';
  const answer = shown
    ? `ran on ${shown.ranOn ?? '?'}${shown.retried ? ' (retried)' : ''} · score ${Number.isFinite(shown.score) ? shown.score.toFixed(2) : '–'} · ${shown.latencyMs ?? '?'} ms${Number.isFinite(shown.serverMs) ? ` (server ${shown.serverMs} ms)` : ''}`
    : waiting ? 'suggesting…' : '';
  return { state: error ? 'error' : waiting ? 'waiting' : ready === 'preparing…' ? 'preparing' : 'ready', readiness: ready, engine, answer, error: error ?? '' };
}
