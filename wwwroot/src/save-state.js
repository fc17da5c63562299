// The one save state the annotator sees (docs/annotation-protocol.md "Save state"): derived from
// the outbox (commands not yet acknowledged) and the connection, nothing else. Three states:
//   saved · saving N (the line is up, N labels on their way) · offline, N waiting
// The workspace's indicator shows it; Submit and Skip use explainWait to say why they wait.
// "check your connection" is said only when the connection is down.

/** { state: 'saved' | 'saving' | 'offline', pending, online, text, reason } from the outbox's counts. */
export function saveState({ online, pending, reason = null }) {
  const n = Math.max(0, pending | 0);
  if (!online) return { state: 'offline', pending: n, online: false, text: `offline, ${n} waiting`, reason };
  if (n > 0) return { state: 'saving', pending: n, online: true, text: `saving ${n}`, reason };
  return { state: 'saved', pending: 0, online: true, text: 'saved', reason: null };
}

const labels = (n) => (n === 1 ? '1 label' : `${n} labels`);

/**
 * Why Submit or Skip (action: 'submit' | 'skip') waits, in the annotator's words; null when
 * nothing waits. Offline: the labels are kept in this browser and the connection is blamed.
 * Online: they are still being saved (with the last failure's reason, if any), and the
 * connection is not blamed.
 */
export function explainWait(action, { online, pending, reason = null }) {
  const s = saveState({ online, pending, reason });
  if (s.state === 'offline') {
    const kept = s.pending === 0 ? 'Nothing is lost' : `${labels(s.pending)} ${s.pending === 1 ? 'is' : 'are'} kept in this browser and sent when it is back`;
    return `You are offline — check your connection. ${kept}; then ${action} again.`;
  }
  if (s.state === 'saving') {
    const why = reason ? ` (${String(reason).trim().replace(/\.$/, '')})` : '';
    return `${labels(s.pending)} ${s.pending === 1 ? 'is' : 'are'} still being saved${why}. Nothing is lost; ${action} again in a moment.`;
  }
  return null;
}
