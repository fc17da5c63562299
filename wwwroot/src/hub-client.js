// Client of the annotation hub (SignalR, docs/annotation-protocol.md). Reconnects forever with
// capped exponential backoff and jitter, including when the very first start fails.
// The object it returns is the "hub" interface the workspace uses; tests and the dev harness
// may inject any object with the same members:
//   start() · stop() · submit(command) → ack · getMyAnnotations(itemId) → annotation[]
//   onreconnected(cb) · onclose(cb) (cb when the connection is lost) · connected (boolean)
//   submitMany(commands) → ack[] (optional: up to 100 commands, acks in the same order; a hub
//   without it gets its commands one at a time through submit)
// Suggestions (docs/suggestion-protocol.md; all optional, the workspace works without them):
//   suggest(request) → reply · rejectSuggestion(suggestionId, objectId, itemId) ·
//   getSuggestionStatus(itemId) → { engine, provider, workers, readySlices } ·
//   onEmbeddingsReady(cb) → unsubscribe (cb({ itemId, orientation, engine, slices })) ·
//   viewSlice(itemId, orientation, slice) (the slice on screen: embeddings around it are computed ahead) ·
//   propagate(request, onSlice) → resolves when the stream ends (onSlice(message) per slice; the Propagate stream)

import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

/** The server answers this when it has no such hub method (a server older than SubmitMany). */
export const isMissingMethod = (err) => /Method does not exist|Unknown hub method/i.test(err?.message ?? '');

/**
 * submitMany through SubmitMany; against a server that has no SubmitMany yet (it refuses the
 * call before doing anything), the same commands one at a time through submit, and from then on.
 */
export function batchingSubmit({ invokeMany, submit }) {
  let missing = false;
  const oneByOne = async (commands) => { const acks = []; for (const c of commands) acks.push(await submit(c)); return acks; };
  return async (commands) => {
    if (missing) return oneByOne(commands);
    try {
      return await invokeMany(commands);
    } catch (err) {
      if (!isMissingMethod(err)) throw err;
      missing = true;
      return oneByOne(commands);
    }
  };
}

/** Delay before reconnect attempt n (0-based): 0.5 s, 1 s, 2 s … capped at 30 s, ±20 % jitter. */
export function backoffMs(n, random = Math.random) {
  const base = Math.min(30000, 500 * 2 ** Math.min(n, 10));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The hub answers 409 when the browser's sign-in is no longer the user the page belongs to. */
const OTHER_USER_STATUS = 409;

/** The hub URL with the page's user, which the server checks against the sign-in cookie. */
export function hubUrlFor(hubUrl, userId) {
  if (!userId) return hubUrl;
  return `${hubUrl}${hubUrl.includes('?') ? '&' : '?'}user=${encodeURIComponent(userId)}`;
}

/** Whether a connection error is the server refusing a page that belongs to another user. */
export function isOtherUser(err) {
  return err?.statusCode === OTHER_USER_STATUS || String(err?.message ?? err ?? '').includes(`Status code '${OTHER_USER_STATUS}'`);
}

export function createHubClient({ hubUrl, logLevel = LogLevel.Warning } = {}) {
  const connection = new HubConnectionBuilder()
    .withUrl(hubUrl)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => backoffMs(ctx.previousRetryCount) })
    // The server pings every 5 s; 12 s of silence means the line is gone: show "offline" soon, not after 30 s.
    .withServerTimeout(12000)
    .withKeepAliveInterval(5000)
    .configureLogging(logLevel)
    .build();
  const reconnected = new Set(), lost = new Set();
  const connected = () => connection.state === HubConnectionState.Connected;
  let stopped = false, timer = null;

  connection.onreconnecting((err) => lost.forEach((cb) => cb(err)));
  connection.onreconnected(() => reconnected.forEach((cb) => cb()));
  // onclose fires when automatic reconnect gives up (it never does here) or the first start
  // failed later on; start over so that "forever" holds.
  connection.onclose((err) => { if (!stopped) { lost.forEach((cb) => cb(err)); startLoop(0, true); } });

  function startLoop(attempt, isReconnect) {
    clearTimeout(timer);
    return connection.start().then(
      () => { if (isReconnect) reconnected.forEach((cb) => cb()); },
      (err) => {
        if (stopped) return;
        // Retrying is right (the user may sign in again), but say why the page stays offline.
        if (isOtherUser(err)) lost.forEach((cb) => cb(err));
        console.warn('annotation hub: start failed, retrying', err?.message ?? err);
        return new Promise((resolve) => { timer = setTimeout(() => resolve(startLoop(attempt + 1, true)), backoffMs(attempt)); });
      },
    );
  }

  function submit(command) {
    if (connection.state !== HubConnectionState.Connected) return Promise.reject(new Error('not connected'));
    return connection.invoke('Submit', command);
  }
  const submitMany = batchingSubmit({
    submit,
    invokeMany: (commands) => (connection.state !== HubConnectionState.Connected ? Promise.reject(new Error('not connected')) : connection.invoke('SubmitMany', commands)),
  });

  return {
    connection,
    get connected() { return connection.state === HubConnectionState.Connected; },
    /** Resolves once connected for the first time, or rejects on stop(). The first failure is reported through onclose callbacks. */
    start() {
      stopped = false;
      return connection.start().catch((err) => {
        lost.forEach((cb) => cb(err));
        console.warn('annotation hub: not reachable yet, retrying', err?.message ?? err);
        timer = setTimeout(() => startLoop(1, true), backoffMs(0));
      });
    },
    async stop() { stopped = true; clearTimeout(timer); await connection.stop(); },
    submit,
    submitMany,
    getMyAnnotations(itemId) { return connection.invoke('GetMyAnnotations', itemId); },
    focus(itemId) { return connection.state === HubConnectionState.Connected ? connection.invoke('Focus', itemId) : Promise.resolve(); },
    onreconnected(cb) { reconnected.add(cb); return () => reconnected.delete(cb); },
    onclose(cb) { lost.add(cb); return () => lost.delete(cb); },
    suggest(request) { return connected() ? connection.invoke('Suggest', request) : Promise.reject(new Error('not connected')); },
    rejectSuggestion(suggestionId, objectId, itemId) { return connected() ? connection.invoke('RejectSuggestion', suggestionId, objectId, itemId) : Promise.resolve(); },
    getSuggestionStatus(itemId) { return connected() ? connection.invoke('GetSuggestionStatus', itemId) : Promise.resolve(null); },
    viewSlice(itemId, orientation, slice) { return connected() ? connection.invoke('ViewSlice', itemId, orientation, slice) : Promise.resolve(); },
    propagate(request, onSlice) {
      if (!connected()) return Promise.reject(new Error('not connected'));
      return new Promise((resolve, reject) => {
        connection.stream('Propagate', request).subscribe({ next: onSlice, complete: resolve, error: reject });
      });
    },
    onEmbeddingsReady(cb) { connection.on('EmbeddingsReady', cb); return () => connection.off('EmbeddingsReady', cb); },
  };
}
