// The outline of a binary slice mask as straight edges between set and unset voxels (pure), for
// drawing a crisp outline at any zoom. Index space: voxel (i, j) covers [i − ½, i + ½] × [j − ½, j + ½];
// the image's border counts as unset. Collinear neighbouring edges are merged into one segment.

/** Edges [x0, y0, x1, y1] (index space) around the set voxels of mask (width × height, row-major). */
export function outlineSegments(mask, width, height) {
  const set = (i, j) => i >= 0 && j >= 0 && i < width && j < height && !!mask[j * width + i];
  const out = [];
  // Horizontal edges: above (dj = −1) and below (dj = +1) each row, merged along the row.
  for (const dj of [-1, 1]) {
    for (let j = 0; j < height; j++) {
      let start = null;
      for (let i = 0; i <= width; i++) {
        const edge = i < width && set(i, j) && !set(i, j + dj);
        if (edge && start === null) start = i;
        if (!edge && start !== null) { const y = j + dj / 2; out.push([start - 0.5, y, i - 0.5, y]); start = null; }
      }
    }
  }
  // Vertical edges: left (di = −1) and right (di = +1) of each column, merged along the column.
  for (const di of [-1, 1]) {
    for (let i = 0; i < width; i++) {
      let start = null;
      for (let j = 0; j <= height; j++) {
        const edge = j < height && set(i, j) && !set(i + di, j);
        if (edge && start === null) start = j;
        if (!edge && start !== null) { const x = i + di / 2; out.push([x, start - 0.5, x, j - 0.5]); start = null; }
      }
    }
  }
  return out;
}

/** Set voxels of a mask. */
export function countSet(mask) {
  let n = 0;
  for (let v = 0; v < mask.length; v++) if (mask[v]) n++;
  return n;
}
