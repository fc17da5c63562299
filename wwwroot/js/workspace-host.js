// Bridge between the Blazor annotate page and the workspace bundle (dist/workspace.js):
// mounts it, answers flush/activeMs before submission, and makes Submit and Skip say why they
// wait. The save state has one indicator, the workspace's own (save-state.js): the page's
// Blazor circuit is down whenever the line is, so nothing the server renders can show "offline".
// For the same reason Submit and Skip (marked data-finish="submit" | "skip") are checked here,
// in the browser: offline, the click is stopped before Blazor sees it and the reason shown in
// the page's [data-testid=finish-wait] element; online, the page flushes and calls explainWait.
let handle = null;
let shown = null; // the action whose wait is explained, while it is
let stopGuard = null;
// Mounting takes seconds (item, slices, hub): a mount or unmount that starts meanwhile supersedes
// it, and the superseded workspace is unmounted as soon as it is up, so two never listen at once.
let generation = 0;

function waitElement() { return document.querySelector('[data-testid="finish-wait"]'); }

function showWait(action) {
  const el = waitElement();
  const text = handle?.explainWait ? handle.explainWait(action) : null;
  shown = text ? action : null;
  if (!el) return text;
  el.textContent = text ?? '';
  el.hidden = !text;
  return text;
}

function guardFinish() {
  const onClick = (e) => {
    const button = e.target?.closest?.('[data-finish]');
    if (!button || !handle?.saveState) return;
    if (handle.saveState().state !== 'offline') return; // online: the page flushes and asks explainWait
    e.preventDefault();
    e.stopImmediatePropagation();
    showWait(button.dataset.finish);
  };
  document.addEventListener('click', onClick, true);
  return () => document.removeEventListener('click', onClick, true);
}

/**
 * Mounts the workspace; resolves to false when the element is not on the page (Blazor can run an
 * after-render step before the render that puts the element there: the page renders again and
 * retries), else true.
 */
export async function mount(element, options) {
  if (!(element instanceof Element) || !element.isConnected) return false;
  unmount();
  const mine = generation;
  const workspace = await import('../dist/workspace.js');
  if (mine !== generation) return true;
  const mounted = await workspace.mount(element, {
    ...options,
    // The explanation follows the state while shown (offline → saving …) and goes once every label is saved.
    onStatus: () => { if (shown) showWait(shown); },
  });
  if (mine !== generation) { mounted.unmount(); return true; }
  handle = mounted;
  stopGuard = guardFinish();
  return true;
}

/** Sends what is still in the outbox; resolves to { state, pending, online, reason }. */
export async function flush() {
  if (!handle) return { state: 'saved', pending: 0, online: true, reason: null };
  if (handle.flush) await handle.flush();
  const { state, pending, online, reason } = handle.saveState();
  return { state, pending, online, reason };
}

/** Shows why Submit or Skip waits ('submit' | 'skip'); returns the text, or null when nothing waits. */
export function explainWait(action) {
  return showWait(action);
}

export function activeMs() {
  return handle?.activeMs ? Math.round(handle.activeMs()) : 0;
}

/** Shows slice k (a consistency finding's button beside Submit). */
export function showSlice(k) {
  handle?.setSlice?.(k);
}

export function unmount() {
  generation++;
  stopGuard?.();
  stopGuard = null;
  shown = null;
  const el = waitElement();
  if (el) { el.textContent = ''; el.hidden = true; }
  if (handle) {
    handle.unmount();
    handle = null;
  }
}
