// Bridge between the Blazor annotate page and the workspace bundle (dist/workspace.js):
// mounts it, relays its save status to .NET, and answers flush/activeMs before submission.
let handle = null;

export async function mount(element, options, dotnet) {
  unmount();
  const workspace = await import('../dist/workspace.js');
  handle = await workspace.mount(element, {
    ...options,
    onStatus: (status) => dotnet.invokeMethodAsync('OnStatus', typeof status === 'string' ? status : status.text),
  });
}

/** Sends what is still in the outbox; resolves to { pending, online, reason } (reason: why the last send did not go through). */
export async function flush() {
  if (!handle) return { pending: 0, online: true, reason: null };
  if (handle.flush) await handle.flush();
  return handle.saveState ? handle.saveState() : { pending: handle.pending ? await handle.pending() : 0, online: true, reason: null };
}

export function activeMs() {
  return handle?.activeMs ? Math.round(handle.activeMs()) : 0;
}

export function unmount() {
  if (handle) {
    handle.unmount();
    handle = null;
  }
}
