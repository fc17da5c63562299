// Cornerstone tools of the workspace: navigation (stack scroll, window/level, pan, zoom) and
// the weak-label tools — box (RectangleROI), scribble (open freehand contour), point (probe).
// Colours follow the project's classes; each finished annotation keeps its own style.

import {
  addTool, annotation as csAnnotation, Enums as ToolEnums, PanTool, PlanarFreehandROITool, ProbeTool,
  RectangleROITool, StackScrollTool, ToolGroupManager, WindowLevelTool, ZoomTool, utilities as toolUtils,
} from '@cornerstonejs/tools';
import { utilities as csUtils } from '@cornerstonejs/core';

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
  pan: PanTool.toolName, zoom: ZoomTool.toolName, windowLevel: WindowLevelTool.toolName,
});
export const ANNOTATION_TOOLS = [BoxTool.toolName, ScribbleTool.toolName, PointTool.toolName];

let added = false;
function addToolsOnce() {
  if (added) return;
  added = true;
  [StackScrollTool, WindowLevelTool, PanTool, ZoomTool, BoxTool, ScribbleTool, PointTool].forEach((T) => addTool(T));
}

export const BACKGROUND_COLOUR = '#7fb3d5';
export const NEGATIVE_COLOUR = '#e8e8e8';

/** Style of an annotation of a class (0 = background), a point's polarity and a scribble's width on screen (px). */
export function styleFor({ colour, positive = true, width = 2, kind }) {
  const color = kind === 'point' && !positive ? NEGATIVE_COLOUR : colour;
  return {
    color, colorHighlighted: color, colorSelected: '#ffffff', colorLocked: color,
    lineWidth: String(kind === 'scribble' ? width : 2), lineDash: kind === 'point' && !positive ? '3,2' : '',
    textBoxVisibility: false, shadow: true,
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
  const annotationTools = ANNOTATION_TOOLS.filter((t) => kinds.includes({ RectangleROI: 'box', Scribble: 'scribble', WeakPoint: 'point' }[t]));
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
    if (nextTool) group.setToolActive(nextTool, { bindings: [{ mouseButton: MouseBindings.Primary }] });
    mode = next;
    return mode;
  }

  /** Colour and width that the next drawn annotation shows while it is drawn. */
  function setDrawingStyle({ colour, positive, width }) {
    const styles = {};
    for (const t of annotationTools) {
      const kind = { RectangleROI: 'box', Scribble: 'scribble', WeakPoint: 'point' }[t];
      styles[t] = styleFor({ colour, positive, width, kind });
    }
    csAnnotation.config.style.setToolGroupToolStyles(toolGroupId, styles);
  }

  function styleAnnotation(uid, style) { csAnnotation.config.style.setAnnotationStyles(uid, style); }

  function destroy() {
    try { ToolGroupManager.destroyToolGroup(toolGroupId); } catch { /* already gone */ }
  }

  return { toolGroupId, setMode, get mode() { return mode; }, setDrawingStyle, styleAnnotation, destroy, hasKind: (k) => annotationTools.includes({ box: 'RectangleROI', scribble: 'Scribble', point: 'WeakPoint' }[k]) };
}

/** Annotations currently selected (clicked) by the annotator. */
export function selectedAnnotationUIDs() { return csAnnotation.selection.getAnnotationsSelected() ?? []; }

export { csAnnotation, toolUtils };

/**
 * Draws a stored command (box, scribble, point) back as a Cornerstone annotation on its
 * slice. worldPoints from commands.commandToWorld. Returns the annotation UID.
 */
export function drawAnnotation({ viewport, toolName, imageId, worldPoints, uid }) {
  const camera = viewport.getCamera();
  const textBox = { hasMoved: false, worldPosition: [0, 0, 0], worldBoundingBox: { topLeft: [0, 0, 0], topRight: [0, 0, 0], bottomLeft: [0, 0, 0], bottomRight: [0, 0, 0] } };
  const isContour = toolName === ScribbleTool.toolName;
  const annotation = {
    annotationUID: uid,
    highlighted: false, invalidated: true, isLocked: false, isVisible: true, autoGenerated: false,
    metadata: {
      toolName, FrameOfReferenceUID: viewport.getFrameOfReferenceUID(), referencedImageId: imageId,
      viewPlaneNormal: [...camera.viewPlaneNormal], viewUp: [...camera.viewUp],
    },
    data: isContour
      ? { contour: { polyline: worldPoints.map((p) => [...p]), closed: false }, handles: { points: [], activeHandleIndex: null, textBox }, cachedStats: {}, label: '' }
      : { handles: { points: worldPoints.map((p) => [...p]), activeHandleIndex: null, textBox }, cachedStats: {}, label: '' },
  };
  if (isContour) annotation.interpolationUID = '';
  csAnnotation.state.addAnnotation(annotation, viewport.element);
  return annotation.annotationUID;
}

export function removeDrawn(uid) { csAnnotation.state.removeAnnotation(uid); }
