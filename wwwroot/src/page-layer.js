// What the workspace and the QA viewer share on the page: the workspace's stylesheet, injected
// once, and a canvas layer sized to its element at the screen's pixel ratio.
import css from './workspace.css';

export function injectWorkspaceCss() {
  if (document.getElementById('weakseg-workspace-css')) return;
  const style = document.createElement('style');
  style.id = 'weakseg-workspace-css';
  style.textContent = css;
  document.head.append(style);
}

/** Sizes the canvas to its element in device pixels, clears it and returns { w, h, dpr }. */
export function clearLayer(canvas, ctx, element) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(element.clientWidth * dpr), h = Math.round(element.clientHeight * dpr);
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { w, h, dpr };
}
