// How a label looks on the image (pure, no Cornerstone): its Cornerstone style per state
// (plain, selected, highlighted by a hover on its list row or on the canvas), and the marks
// that draw a point. Sizes of points are screen pixels, so a point looks the same at any zoom.

export const BACKGROUND_COLOUR = '#7fb3d5';
export const ERASER_COLOUR = 'rgba(255, 255, 255, 0.4)';
/** Selected labels are drawn in this colour, thicker: what Delete would remove is always plain to see. */
export const SELECTED_COLOUR = '#ffffff';
/** Radius of a point's disc on screen (px), whatever the zoom. */
export const POINT_RADIUS_PX = 7;

/** '#rrggbb' → 'rgba(r, g, b, alpha)'; other colour strings pass unchanged. */
export function translucent(colour, alpha) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  return m ? `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${alpha})` : colour;
}

/** Black or white, whichever reads better on `colour` ('#rrggbb'; white for anything else). */
export function contrastOn(colour) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  if (!m) return '#ffffff';
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? '#000000' : '#ffffff';
}

/** A style whose selected and highlighted states are drawn thicker than plain (widths are strings, as Cornerstone keeps them). */
function withStates(style, { selectedColour = SELECTED_COLOUR } = {}) {
  const w = Number(style.lineWidth);
  return {
    ...style,
    colorSelected: selectedColour, lineWidthSelected: String(w + 2), lineDashSelected: style.lineDash,
    colorHighlighted: style.color, lineWidthHighlighted: String(w + 2), lineDashHighlighted: style.lineDash,
  };
}

/**
 * Cornerstone style of an annotation of a class (0 = background), a point's polarity and a
 * stroke's width on screen (px). kind: box, scribble, point, polygon, brush or eraser (a brush
 * stroke that erases). outline: a finished full-mask shape, whose paint the composed label map
 * shows; the shape itself stays as a thin selectable line (an eraser's dashed). drawing: the
 * style while it is drawn (Cornerstone selects what is being drawn: shown in its own colour).
 * A point is drawn by tools.js's PointTool from `color` and `pointMarker` (plus or minus).
 */
export function styleFor({ colour, positive = true, width = 2, kind, outline = false, drawing = false }) {
  const mask = kind === 'polygon' || kind === 'brush' || kind === 'eraser';
  let style;
  if (outline && mask) {
    const color = kind === 'eraser' ? 'rgba(255, 255, 255, 0.75)' : colour;
    style = withStates({
      color, colorLocked: color,
      lineWidth: kind === 'polygon' ? '1.5' : '1', lineDash: kind === 'eraser' ? '3,2' : '', textBoxVisibility: false, shadow: false,
    });
  } else {
    let color = colour;
    if (kind === 'brush') color = translucent(colour, 0.5);
    if (kind === 'eraser') color = ERASER_COLOUR;
    const stroke = kind === 'scribble' || kind === 'brush' || kind === 'eraser';
    style = withStates({
      color, colorLocked: color,
      lineWidth: String(stroke ? width : 2), lineDash: kind === 'eraser' ? '3,2' : '',
      textBoxVisibility: false, shadow: !stroke || kind === 'scribble',
    }, { selectedColour: kind === 'eraser' ? 'rgba(255, 255, 255, 0.7)' : SELECTED_COLOUR });
  }
  if (kind === 'point') style.pointMarker = positive ? 'plus' : 'minus';
  if (drawing) Object.assign(style, { colorSelected: style.color, lineWidthSelected: style.lineWidth, lineDashSelected: style.lineDash });
  return style;
}

/**
 * The marks that draw a point at canvas position [x, y]: a disc filled in its class colour
 * with a dark rim (a negative point: a white rim), a plus (positive) or minus (negative)
 * inside in black or white, whichever reads on the class colour, and a ring around it while selected (white) or highlighted (class
 * colour). state: 'default' | 'selected' | 'highlighted'. Returns
 * { circles: [{ id, center, radius, fill, stroke, width }], lines: [{ id, start, end, stroke, width }] }.
 */
export function pointMarks([x, y], { color, marker = 'plus', state = 'default', radius = POINT_RADIUS_PX }) {
  const negative = marker === 'minus';
  const circles = [];
  if (state !== 'default') {
    circles.push({ id: 'ring', center: [x, y], radius: radius + 5, fill: 'transparent', stroke: state === 'selected' ? SELECTED_COLOUR : color, width: 2.5 });
  }
  // A dark halo keeps the disc apart from its own class's paint or strokes beneath it.
  circles.push({ id: 'halo', center: [x, y], radius: radius + 1.5, fill: 'transparent', stroke: 'rgba(0, 0, 0, 0.7)', width: 1.5 });
  circles.push({ id: 'disc', center: [x, y], radius, fill: color, stroke: negative ? '#ffffff' : 'rgba(0, 0, 0, 0.85)', width: negative ? 2 : 1.5 });
  const arm = radius * 0.6;
  const ink = contrastOn(color);
  const lines = [{ id: 'bar', start: [x - arm, y], end: [x + arm, y], stroke: ink, width: 2 }];
  if (!negative) lines.push({ id: 'stem', start: [x, y - arm], end: [x, y + arm], stroke: ink, width: 2 });
  return { circles, lines };
}
