// Cornerstone tools of the workspace: navigation (stack scroll, window/level, pan, zoom) and
// the weak-label tools — box (RectangleROI), scribble (open freehand contour), point (probe) —
// and the full-mask tools of projects that ask for them: polygon (closed freehand contour, or
// vertex by vertex with clicks), brush and eraser (thick open freehand strokes drawn translucent
// while drawn, width in voxels to scale; once finished, a thin line over the composed mask).
// Colours follow the project's classes; each finished annotation keeps its own style.

import {
  addTool, annotation as csAnnotation, drawing, Enums as ToolEnums, PanTool, PlanarFreehandROITool, ProbeTool,
  RectangleROITool, StackScrollTool, ToolGroupManager, WindowLevelTool, ZoomTool, utilities as toolUtils,
} from '@cornerstonejs/tools';
import { getEnabledElement, utilities as csUtils } from '@cornerstonejs/core';
import { POINT_RADIUS_PX, pointMarks, styleFor } from './label-style.js';

export { BACKGROUND_COLOUR, styleFor, translucent } from './label-style.js';

const { MouseBindings, KeyboardBindings } = ToolEnums;
const noText = () => undefined;

/**
 * A drawing tool draws. Cornerstone's mouse-down first looks for an annotation near the press
 * among the tools that are active or passive, and grabs (selects, moves, reshapes) it instead
 * of drawing; so a point pressed inside a box's edge, or on a thick scribble, moved the box or
 * the scribble. Every annotation tool here is near nothing unless `mayGrab()` holds, which the
 * tool group sets to: the select tool is on, or the grab key (Alt) is held. Cornerstone's
 * hover highlight asks the same two questions, so a label only lights up where a press would
 * grab it. (PlanarFreehandROITool defines these two as instance members in its constructor,
 * so they are wrapped there: a method on the subclass would be shadowed.)
 */
const grabsOnlyWhenAllowed = (Base) => class extends Base {
  /** Whether a press may grab an existing annotation now (set by createTools). */
  mayGrab = () => true;

  /**
   * Cornerstone draws a highlighted (hovered) annotation in its highlighted style even when it
   * is selected; here a selected one keeps its selected look while hovered, so what is
   * selected stays plain to see.
   */
  getStyle(property, specifications, annotation) {
    if (annotation?.highlighted && csAnnotation.selection.isAnnotationSelected(annotation.annotationUID)) {
      const selected = csAnnotation.config.style.getStyleProperty(`${property}Selected`, specifications);
      if (selected !== undefined) return selected;
    }
    return super.getStyle(property, specifications, annotation);
  }
  constructor(...args) {
    super(...args);
    for (const name of ['isPointNearTool', 'getHandleNearImagePoint']) {
      const own = Object.hasOwn(this, name) ? this[name] : null;
      const inherited = own ?? Base.prototype[name];
      if (!inherited) continue;
      const nothing = name === 'isPointNearTool' ? false : undefined;
      this[name] = (...a) => (this.mayGrab() ? inherited.apply(this, a) : nothing);
    }
  }
};

/** Scribble: an open freehand contour that never closes itself. */
export class ScribbleTool extends grabsOnlyWhenAllowed(PlanarFreehandROITool) {
  static toolName = 'Scribble';
  constructor(toolProps = {}) {
    super(csUtils.deepMerge({
      configuration: {
        allowOpenContours: true, closeContourProximity: 0, calculateStats: false, getTextLines: noText,
        alwaysRenderOpenContourHandles: { enabled: false }, checkCanvasEditFallbackProximity: 0,
      },
    }, toolProps));
    // Cornerstone drops a stroke of fewer than 3 × subPixelResolution canvas points (12: a click
    // or a dab of a few pixels) without a word. A short stroke is kept: its last point repeated
    // up to that count (a click is a dot of the stroke's width).
    const halt = this.haltDrawing;
    this.haltDrawing = (element, canvasPoints) => {
      if (canvasPoints?.length) while (canvasPoints.length < minStrokePoints(this.configuration)) canvasPoints.push([...canvasPoints.at(-1)]);
      return halt(element, canvasPoints);
    };
  }
}

/** The fewest canvas points Cornerstone keeps in a freehand contour (drawLoop.js shouldHaltDrawing). */
export const minStrokePoints = (configuration) => Math.max(3 * (configuration?.subPixelResolution ?? 4), 3);
/** The event a polygon tool sends (on the viewport element) when Cornerstone drops a traced outline as too short. */
export const SHORT_OUTLINE = 'weakseg-short-outline';

/** Screen distance (px) within which a press and release count as a click, not a trace. */
const CLICK_SLOP_PX = 3;

/**
 * Polygon: a full mask of one class. Press, trace and release: a closed freehand outline (mouse
 * up closes it). Or click vertex by vertex: a press and release without tracing hands the point
 * to `clicks` (set by the workspace, see polygon-clicks.js), and while a clicked polygon is
 * open every press goes there too. The fill is not drawn here: the composed label map shows it.
 */
export class PolygonTool extends grabsOnlyWhenAllowed(PlanarFreehandROITool) {
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
      this.clicks.press(evt.detail.currentPoints.world, evt.detail.element);
      return undefined;
    };
    // Cornerstone drops a traced outline of fewer than 12 canvas points without a word: say so.
    const halt = this.haltDrawing;
    this.haltDrawing = (element, canvasPoints) => {
      const dropped = (canvasPoints?.length ?? 0) > 0 && canvasPoints.length < minStrokePoints(this.configuration); // [] is a click handed on
      const halted = halt(element, canvasPoints);
      if (halted && dropped) element.dispatchEvent(new CustomEvent(SHORT_OUTLINE, { bubbles: true }));
      return halted;
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
      this.clicks.press(world, element);
      return undefined;
    };
  }
}

/** Brush: one stroke of a round brush; its screen width follows the zoom like a scribble's. */
export class BrushTool extends ScribbleTool {
  static toolName = 'WeakBrush';
}

/** Eraser: a brush stroke that removes earlier paint of its class (kind brush, erase true). */
export class EraserTool extends ScribbleTool {
  static toolName = 'WeakEraser';
}

/**
 * Point: a probe without the value label, drawn as a filled disc in its class colour with a
 * plus (positive) or minus (negative) inside, the same size on screen at any zoom
 * (label-style.js pointMarks; the polarity comes from the style's pointMarker). A ring shows
 * it selected or highlighted. Nothing is sampled: no statistics, no text.
 */
export class PointTool extends grabsOnlyWhenAllowed(ProbeTool) {
  static toolName = 'WeakPoint';
  constructor(toolProps = {}) {
    super(csUtils.deepMerge({ configuration: { getTextLines: noText, handleRadius: String(POINT_RADIUS_PX) } }, toolProps));
    // The whole disc (and a little around it) is the point's handle, not only Cornerstone's 6 px.
    for (const name of ['isPointNearTool', 'getHandleNearImagePoint']) {
      const gated = this[name];
      this[name] = (element, annotation, canvas, proximity, ...rest) => gated(element, annotation, canvas, Math.max(proximity ?? 0, POINT_RADIUS_PX + 3), ...rest);
    }
    this.renderAnnotation = (enabledElement, svgDrawingHelper) => {
      const { viewport } = enabledElement;
      let annotations = csAnnotation.state.getAnnotations(this.getToolName(), viewport.element);
      if (!annotations?.length) return false;
      annotations = this.filterInteractableAnnotationsForElement(viewport.element, annotations);
      const styleSpecifier = { toolGroupId: this.toolGroupId, toolName: this.getToolName(), viewportId: viewport.id };
      let drew = false;
      for (const annotation of annotations ?? []) {
        const { annotationUID } = annotation;
        if (!csAnnotation.visibility.isAnnotationVisible(annotationUID)) continue;
        styleSpecifier.annotationUID = annotationUID;
        const style = (p) => this.getStyle(p, styleSpecifier, annotation);
        const selected = csAnnotation.selection.isAnnotationSelected(annotationUID) && !this.isDrawing;
        const state = selected ? 'selected' : annotation.highlighted ? 'highlighted' : 'default';
        // The disc keeps the class colour in every state (the ring shows the state).
        const color = csAnnotation.config.style.getStyleProperty('color', styleSpecifier);
        const marks = pointMarks(viewport.worldToCanvas(annotation.data.handles.points[0]), { color, marker: style('pointMarker') ?? 'plus', state });
        // data-id (point-disc, point-ring, …) lets browser tests find the marks.
        for (const c of marks.circles) drawing.drawCircle(svgDrawingHelper, annotationUID, c.id, c.center, c.radius, { color: c.stroke, fill: c.fill, lineWidth: String(c.width) }, `point-${c.id}`);
        for (const l of marks.lines) drawing.drawLine(svgDrawingHelper, annotationUID, l.id, l.start, l.end, { color: l.stroke, lineWidth: String(l.width) }, `point-${l.id}`);
        drew = true;
      }
      return drew;
    };
  }
}

class BoxTool extends grabsOnlyWhenAllowed(RectangleROITool) {
  static toolName = 'RectangleROI';
  constructor(toolProps = {}) { super(csUtils.deepMerge({ configuration: { getTextLines: noText, calculateStats: false } }, toolProps)); }
}

/** Toolbar modes → the Cornerstone tool that takes the primary mouse button (null: select). */
export const MODE_TOOLS = Object.freeze({
  select: null, box: BoxTool.toolName, scribble: ScribbleTool.toolName, point: PointTool.toolName,
  polygon: PolygonTool.toolName, brush: BrushTool.toolName, eraser: EraserTool.toolName,
  // The suggestion tool takes presses itself (suggest-tool.js); no Cornerstone tool on the primary button.
  suggest: null,
  pan: PanTool.toolName, zoom: ZoomTool.toolName, windowLevel: WindowLevelTool.toolName,
});
export const ANNOTATION_TOOLS = [BoxTool.toolName, ScribbleTool.toolName, PointTool.toolName, PolygonTool.toolName, BrushTool.toolName, EraserTool.toolName];
/** Cornerstone tool → the project setting (allowedKinds) that offers it. */
const TOOL_SETTING = { RectangleROI: 'box', Scribble: 'scribble', WeakPoint: 'point', WeakPolygon: 'polygon', WeakBrush: 'brush', WeakEraser: 'brush' };
const TOOL_STYLE_KIND = { RectangleROI: 'box', Scribble: 'scribble', WeakPoint: 'point', WeakPolygon: 'polygon', WeakBrush: 'brush', WeakEraser: 'eraser' };

let added = false;
function addToolsOnce() {
  if (added) return;
  added = true;
  [StackScrollTool, WindowLevelTool, PanTool, ZoomTool, BoxTool, ScribbleTool, PointTool, PolygonTool, BrushTool, EraserTool].forEach((T) => addTool(T));
}

/**
 * Creates the tool group of one viewport. kinds: allowed annotation kinds.
 * Returns { setMode, mode, mayGrab, setGrabKey, setDrawingStyle, styleAnnotation, destroy, toolGroupId }.
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
  let grabKey = false;
  // Every label stays passive (shown, and grabbed where allowed); only the select tool or the grab key lets a press grab one.
  const mayGrab = () => mode === 'select' || grabKey;
  for (const t of annotationTools) group.getToolInstance(t).mayGrab = mayGrab;

  function setMode(next) {
    if (!(next in MODE_TOOLS)) throw new Error(`unknown mode ${next}`);
    const nextTool = MODE_TOOLS[next];
    if (nextTool && !group.hasTool(nextTool)) return mode;
    const current = MODE_TOOLS[mode];
    if (current) group.setToolPassive(current);
    if (nextTool) group.setToolActive(nextTool, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    mode = next;
    return mode;
  }

  /** Colour and width that the next drawn annotation shows while it is drawn. */
  function setDrawingStyle({ colour, positive, width }) {
    const styles = {};
    for (const t of annotationTools) {
      const kind = TOOL_STYLE_KIND[t];
      styles[t] = styleFor({ colour, positive, width, kind, drawing: true });
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

  /** Whether the grab key (Alt) is held at a press: a drawing tool then selects and moves instead of drawing. */
  function setGrabKey(held) { grabKey = !!held; }

  /** The same tools on another viewport (a coronal or sagittal view). */
  function addViewport(otherViewportId, otherEngineId) { group.addViewport(otherViewportId, otherEngineId); }

  return { toolGroupId, addViewport, setMode, get mode() { return mode; }, mayGrab, setGrabKey, setDrawingStyle, styleAnnotation, setPolygonClicks, destroy, hasKind: (k) => annotationTools.some((t) => TOOL_SETTING[t] === k) };
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
