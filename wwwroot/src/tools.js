// Cornerstone tools of the workspace: navigation (stack scroll, window/level, pan, zoom) and
// the weak-label tools — box (RectangleROI), scribble (open freehand contour), point (probe) —
// and the full-mask tools of projects that ask for them: polygon (closed freehand contour, or
// vertex by vertex with clicks), brush and eraser (thick open freehand strokes drawn translucent
// while drawn, width in voxels to scale; once finished, a thin line over the composed mask).
// Colours follow the project's classes; each finished annotation keeps its own style.

import {
  addTool, annotation as csAnnotation, Enums as ToolEnums, PanTool, PlanarFreehandROITool, ProbeTool,
  RectangleROITool, StackScrollTool, ToolGroupManager, WindowLevelTool, ZoomTool, utilities as toolUtils,
} from '@cornerstonejs/tools';
import { getEnabledElement, utilities as csUtils } from '@cornerstonejs/core';

const { MouseBindings, KeyboardBindings } = ToolEnums;
const noText = () => undefined;

/** Scribble: an open freehand contour that never closes itself. */
export class ScribbleTool extends PlanarFreehandROITool {
  static toolName = 'Scribble';
  constructor(toolProps = {}) {
    super(csUtils.deepMerge({
      configuration: {
        allowOpenContours: true, closeContourProximity: 0, calculateStats: false, getTextLines: noText,
        alwaysRenderOpenContourHandles: { enabled: false }, checkCanvasEditFallbackProximity: 0,
      },
    }, toolProps));
  }
}

/**
 * While a mask tool draws, pressing on earlier paint must start a new stroke, not grab the old
 * one: the tool's own annotations are not near the pointer while it is the active tool.
 * PlanarFreehandROITool sets these two as instance members in its constructor, so they are
 * wrapped there (a method on the subclass would be shadowed).
 */
const drawsOverItsOwn = (Base) => class extends Base {
  constructor(...args) {
    super(...args);
    for (const name of ['isPointNearTool', 'getHandleNearImagePoint']) {
      const own = Object.hasOwn(this, name) ? this[name] : null;
      const inherited = own ?? Base.prototype[name];
      if (!inherited) continue;
      const fallback = name === 'isPointNearTool' ? false : undefined;
      this[name] = (...a) => (this.mode === ToolEnums.ToolModes.Active ? fallback : inherited.apply(this, a));
    }
  }
};

/** Screen distance (px) within which a press and release count as a click, not a trace. */
const CLICK_SLOP_PX = 3;

/**
 * Polygon: a full mask of one class. Press, trace and release: a closed freehand outline (mouse
 * up closes it). Or click vertex by vertex: a press and release without tracing hands the point
 * to `clicks` (set by the workspace, see polygon-clicks.js), and while a clicked polygon is
 * open every press goes there too. The fill is not drawn here: the composed label map shows it.
 */
export class PolygonTool extends drawsOverItsOwn(PlanarFreehandROITool) {
  static toolName = 'WeakPolygon';
  /** { active, press(world) } or null: where clicks go. */
  clicks = null;
  constructor(toolProps = {}) {
    super(csUtils.deepMerge({
      configuration: {
        allowOpenContours: false, calculateStats: false, getTextLines: noText, fillOpacity: 0,
        alwaysRenderOpenContourHandles: { enabled: false }, checkCanvasEditFallbackProximity: 0,
      },
    }, toolProps));
    const trace = this.addNewAnnotation;
    this.addNewAnnotation = (evt, ...rest) => {
      if (!this.clicks?.active) return trace(evt, ...rest);
      evt.preventDefault?.();
      this.clicks.press(evt.detail.currentPoints.world);
      return undefined;
    };
    const traced = this.mouseUpDrawCallback;
    this.mouseUpDrawCallback = (evt) => {
      if (!this.drawData) return undefined;
      const points = this.drawData.canvasPoints ?? [];
      const [x0, y0] = points[0] ?? [0, 0];
      const isClick = this.clicks && points.every(([x, y]) => Math.hypot(x - x0, y - y0) <= CLICK_SLOP_PX);
      if (!isClick) return traced(evt);
      const { element } = evt.detail;
      const world = getEnabledElement(element).viewport.canvasToWorld(points[0] ?? evt.detail.currentPoints.canvas);
      this.doneEditMemo?.();
      this.haltDrawing(element, []); // drops the one-point trace, ends drawing
      this.clicks.press(world);
      return undefined;
    };
  }
}

/** Brush: one stroke of a round brush; its screen width follows the zoom like a scribble's. */
export class BrushTool extends drawsOverItsOwn(ScribbleTool) {
  static toolName = 'WeakBrush';
}

/** Eraser: a brush stroke that removes earlier paint of its class (kind brush, erase true). */
export class EraserTool extends drawsOverItsOwn(ScribbleTool) {
  static toolName = 'WeakEraser';
}

/** Point: a probe without the value label; positive or negative comes from the workspace. */
export class PointTool extends ProbeTool {
  static toolName = 'WeakPoint';
  constructor(toolProps = {}) {
    super(csUtils.deepMerge({ configuration: { getTextLines: noText, handleRadius: '5' } }, toolProps));
  }
}

class BoxTool extends RectangleROITool {
  static toolName = 'RectangleROI';
  constructor(toolProps = {}) { super(csUtils.deepMerge({ configuration: { getTextLines: noText, calculateStats: false } }, toolProps)); }
}

/** Toolbar modes → the Cornerstone tool that takes the primary mouse button (null: select). */
export const MODE_TOOLS = Object.freeze({
  select: null, box: BoxTool.toolName, scribble: ScribbleTool.toolName, point: PointTool.toolName,
  polygon: PolygonTool.toolName, brush: BrushTool.toolName, eraser: EraserTool.toolName,
  pan: PanTool.toolName, zoom: ZoomTool.toolName, windowLevel: WindowLevelTool.toolName,
});
export const ANNOTATION_TOOLS = [BoxTool.toolName, ScribbleTool.toolName, PointTool.toolName, PolygonTool.toolName, BrushTool.toolName, EraserTool.toolName];
/** Cornerstone tool → the project setting (allowedKinds) that offers it. */
const TOOL_SETTING = { RectangleROI: 'box', Scribble: 'scribble', WeakPoint: 'point', WeakPolygon: 'polygon', WeakBrush: 'brush', WeakEraser: 'brush' };
const TOOL_STYLE_KIND = { RectangleROI: 'box', Scribble: 'scribble', WeakPoint: 'point', WeakPolygon: 'polygon', WeakBrush: 'brush', WeakEraser: 'eraser' };
/** Modes in which the other annotations are shown but not grabbed: painting goes over them. */
const MASK_MODES = new Set(['polygon', 'brush', 'eraser']);

let added = false;
function addToolsOnce() {
  if (added) return;
  added = true;
  [StackScrollTool, WindowLevelTool, PanTool, ZoomTool, BoxTool, ScribbleTool, PointTool, PolygonTool, BrushTool, EraserTool].forEach((T) => addTool(T));
}

export const BACKGROUND_COLOUR = '#7fb3d5';
export const NEGATIVE_COLOUR = '#e8e8e8';
export const ERASER_COLOUR = 'rgba(255, 255, 255, 0.4)';

/** '#rrggbb' → 'rgba(r, g, b, alpha)'; other colour strings pass unchanged. */
export function translucent(colour, alpha) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  return m ? `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${alpha})` : colour;
}

/**
 * Style of an annotation of a class (0 = background), a point's polarity and a stroke's width on
 * screen (px). kind: box, scribble, point, polygon, brush or eraser (a brush stroke that erases).
 * outline: a finished full-mask shape, whose paint the composed label map shows; the shape
 * itself stays as a thin selectable line (an eraser's dashed).
 */
export function styleFor({ colour, positive = true, width = 2, kind, outline = false }) {
  const mask = kind === 'polygon' || kind === 'brush' || kind === 'eraser';
  if (outline && mask) {
    const color = kind === 'eraser' ? 'rgba(255, 255, 255, 0.75)' : colour;
    return {
      color, colorHighlighted: color, colorSelected: '#ffffff', colorLocked: color,
      lineWidth: kind === 'polygon' ? '1.5' : '1', lineDash: kind === 'eraser' ? '3,2' : '', textBoxVisibility: false, shadow: false,
    };
  }
  let color = kind === 'point' && !positive ? NEGATIVE_COLOUR : colour;
  if (kind === 'brush') color = translucent(colour, 0.5);
  if (kind === 'eraser') color = ERASER_COLOUR;
  const stroke = kind === 'scribble' || kind === 'brush' || kind === 'eraser';
  return {
    color, colorHighlighted: color, colorSelected: kind === 'eraser' ? 'rgba(255, 255, 255, 0.7)' : '#ffffff', colorLocked: color,
    lineWidth: String(stroke ? width : 2), lineDash: (kind === 'point' && !positive) || kind === 'eraser' ? '3,2' : '',
    textBoxVisibility: false, shadow: !stroke || kind === 'scribble',
  };
}

/**
 * Creates the tool group of one viewport. kinds: allowed annotation kinds.
 * Returns { setMode, mode, setDrawingStyle, styleAnnotation, destroy, toolGroupId }.
 */
export function createTools({ toolGroupId, viewportId, renderingEngineId, kinds }) {
  addToolsOnce();
  const group = ToolGroupManager.createToolGroup(toolGroupId);
  group.addTool(StackScrollTool.toolName, { loop: false });
  group.addTool(WindowLevelTool.toolName);
  group.addTool(PanTool.toolName);
  group.addTool(ZoomTool.toolName);
  const annotationTools = ANNOTATION_TOOLS.filter((t) => kinds.includes(TOOL_SETTING[t]));
  annotationTools.forEach((t) => group.addTool(t));
  group.addViewport(viewportId, renderingEngineId);

  group.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  group.setToolActive(WindowLevelTool.toolName, { bindings: [{ mouseButton: MouseBindings.Secondary }] });
  group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: MouseBindings.Auxiliary }] });
  group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: MouseBindings.Wheel, modifierKey: KeyboardBindings.Ctrl }, { mouseButton: MouseBindings.Secondary, modifierKey: KeyboardBindings.Ctrl }] });
  annotationTools.forEach((t) => group.setToolPassive(t));

  let mode = 'select';
  function setMode(next) {
    if (!(next in MODE_TOOLS)) throw new Error(`unknown mode ${next}`);
    const nextTool = MODE_TOOLS[next];
    if (nextTool && !group.hasTool(nextTool)) return mode;
    const current = MODE_TOOLS[mode];
    if (current) group.setToolPassive(current);
    // Painting a mask goes over earlier labels; in any other mode they can be selected and moved again.
    for (const t of annotationTools) {
      if (t === nextTool) continue;
      if (MASK_MODES.has(next)) group.setToolEnabled(t); else group.setToolPassive(t);
    }
    if (nextTool) group.setToolActive(nextTool, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    mode = next;
    return mode;
  }

  /** Colour and width that the next drawn annotation shows while it is drawn. */
  function setDrawingStyle({ colour, positive, width }) {
    const styles = {};
    for (const t of annotationTools) {
      const kind = TOOL_STYLE_KIND[t];
      styles[t] = styleFor({ colour, positive, width, kind });
    }
    csAnnotation.config.style.setToolGroupToolStyles(toolGroupId, styles);
  }

  function styleAnnotation(uid, style) { csAnnotation.config.style.setAnnotationStyles(uid, style); }

  function destroy() {
    try { ToolGroupManager.destroyToolGroup(toolGroupId); } catch { /* already gone */ }
  }

  /** Hands clicks of the polygon tool to `clicks` ({ active, press(world) }; see PolygonTool). */
  function setPolygonClicks(clicks) {
    const tool = group.hasTool(PolygonTool.toolName) ? group.getToolInstance(PolygonTool.toolName) : null;
    if (tool) tool.clicks = clicks;
  }

  return { toolGroupId, setMode, get mode() { return mode; }, setDrawingStyle, styleAnnotation, setPolygonClicks, destroy, hasKind: (k) => annotationTools.some((t) => TOOL_SETTING[t] === k) };
}

/** Annotations currently selected (clicked) by the annotator. */
export function selectedAnnotationUIDs() { return csAnnotation.selection.getAnnotationsSelected() ?? []; }

export { csAnnotation, toolUtils };

/**
 * Draws a stored command (box, scribble, point, polygon, brush stroke) back as a Cornerstone annotation on its
 * slice. worldPoints from commands.commandToWorld. Returns the annotation UID.
 */
export function drawAnnotation({ viewport, toolName, imageId, worldPoints, uid }) {
  const camera = viewport.getCamera();
  const textBox = { hasMoved: false, worldPosition: [0, 0, 0], worldBoundingBox: { topLeft: [0, 0, 0], topRight: [0, 0, 0], bottomLeft: [0, 0, 0], bottomRight: [0, 0, 0] } };
  const isContour = [ScribbleTool.toolName, PolygonTool.toolName, BrushTool.toolName, EraserTool.toolName].includes(toolName);
  const closed = toolName === PolygonTool.toolName;
  const annotation = {
    annotationUID: uid,
    highlighted: false, invalidated: true, isLocked: false, isVisible: true, autoGenerated: false,
    metadata: {
      toolName, FrameOfReferenceUID: viewport.getFrameOfReferenceUID(), referencedImageId: imageId,
      viewPlaneNormal: [...camera.viewPlaneNormal], viewUp: [...camera.viewUp],
    },
    data: isContour
      ? { contour: { polyline: worldPoints.map((p) => [...p]), closed }, handles: { points: [], activeHandleIndex: null, textBox }, cachedStats: {}, label: '' }
      : { handles: { points: worldPoints.map((p) => [...p]), activeHandleIndex: null, textBox }, cachedStats: {}, label: '' },
  };
  if (isContour) annotation.interpolationUID = '';
  csAnnotation.state.addAnnotation(annotation, viewport.element);
  return annotation.annotationUID;
}

export function removeDrawn(uid) { csAnnotation.state.removeAnnotation(uid); }
