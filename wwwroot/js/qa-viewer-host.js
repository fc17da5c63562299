// Bridge between the Blazor QA item page and the read-only viewer bundle (dist/qa-viewer.js):
// mounts it, reports the slice on screen to .NET (which answers with that slice's consensus and
// heat map), and passes layer changes on.
let handle = null;

/**
 * Mounts the viewer; resolves to the slice shown, or null when the element is not on the page
 * (Blazor can run an after-render step before the render that puts the element there: the
 * page renders again and retries).
 */
export async function mount(element, options, dotnet) {
  if (!(element instanceof Element) || !element.isConnected) return null;
  unmount();
  const viewer = await import('../dist/qa-viewer.js');
  handle = await viewer.mount(element, {
    ...options,
    onSlice: (k) => dotnet.invokeMethodAsync('OnSlice', k),
  });
  return handle.slice;
}

/** Moves the viewer to slice k (the consistency and 3D agreement panels); the viewer reports it back through onSlice. */
export function setSlice(k) { return handle?.setSlice(k); }
export function setLayers(layers) { handle?.setLayers(layers); }
export function setVisible(id, on) { handle?.setVisible(id, on); }
export function setImages(images) { handle?.setImages(images); }
export function showImage(name, on) { handle?.showImage(name, on); }

export function unmount() {
  if (handle) {
    handle.unmount();
    handle = null;
  }
}
