// Client of the annotation hub (SignalR, docs/annotation-protocol.md). Reconnects forever with
// capped exponential backoff and jitter, including when the very first start fails.
// The object it returns is the "hub" interface the workspace uses; tests and the dev harness
// may inject any object with the same members:
//   start() · stop() · submit(command) → ack · getMyAnnotations(itemId) → annotation[]
//   onreconnected(cb) · onclose(cb) (cb when the connection is lost) · connected (boolean)

import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

/** Delay before reconnect attempt n (0-based): 0.5 s, 1 s, 2 s … capped at 30 s, ±20 % jitter. */
export function backoffMs(n, random = Math.random) {
  const base = Math.min(30000, 500 * 2 ** Math.min(n, 10));
  return Math.round(base * (0.8 + 0.4 * random()));
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
  let stopped = false, timer = null;

  connection.onreconnecting(() => lost.forEach((cb) => cb()));
  connection.onreconnected(() => reconnected.forEach((cb) => cb()));
  // onclose fires when automatic reconnect gives up (it never does here) or the first start
  // failed later on; start over so that "forever" holds.
  connection.onclose(() => { if (!stopped) { lost.forEach((cb) => cb()); startLoop(0, true); } });

  function startLoop(attempt, isReconnect) {
    clearTimeout(timer);
    return connection.start().then(
      () => { if (isReconnect) reconnected.forEach((cb) => cb()); },
      (err) => {
        if (stopped) return;
        console.warn('annotation hub: start failed, retrying', err?.message ?? err);
        return new Promise((resolve) => { timer = setTimeout(() => resolve(startLoop(attempt + 1, true)), backoffMs(attempt)); });
      },
    );
  }

  return {
    connection,
    get connected() { return connection.state === HubConnectionState.Connected; },
    /** Resolves once connected for the first time, or rejects on stop(). The first failure is reported through onclose callbacks. */
    start() {
      stopped = false;
      return connection.start().catch((err) => {
        lost.forEach((cb) => cb());
        console.warn('annotation hub: not reachable yet, retrying', err?.message ?? err);
        timer = setTimeout(() => startLoop(1, true), backoffMs(0));
      });
    },
    async stop() { stopped = true; clearTimeout(timer); await connection.stop(); },
    submit(command) {
      if (connection.state !== HubConnectionState.Connected) return Promise.reject(new Error('not connected'));
      return connection.invoke('Submit', command);
    },
    getMyAnnotations(itemId) { return connection.invoke('GetMyAnnotations', itemId); },
    focus(itemId) { return connection.state === HubConnectionState.Connected ? connection.invoke('Focus', itemId) : Promise.resolve(); },
    onreconnected(cb) { reconnected.add(cb); return () => reconnected.delete(cb); },
    onclose(cb) { lost.add(cb); return () => lost.delete(cb); },
  };
}
