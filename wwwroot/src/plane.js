// The three orthogonal planes of a volume (pure): which voxel index axes an axial, coronal or
// sagittal image shows, and where a pixel of such an image lies in voxel index space
// (CONVENTIONS.md "Space"). The server cuts the images (`SliceExtractor`): axial slice k is
// (i across, j down); coronal slice j is (i across, k up); sagittal slice i is (j across, k up):
// the reformats put the highest k on the top row. Image pixels have their centres at integers,
// like voxels.

export const ORIENTATIONS = Object.freeze(['axial', 'coronal', 'sagittal']);

/** normal: the index axis a slice fixes; u, v: the axes across (columns) and down (rows); upK: rows run against k. */
const PLANES = Object.freeze({
  axial: Object.freeze({ normal: 2, u: 0, v: 1, upK: false }),
  coronal: Object.freeze({ normal: 1, u: 0, v: 2, upK: true }),
  sagittal: Object.freeze({ normal: 0, u: 1, v: 2, upK: true }),
});

export function planeOf(orientation) {
  const p = PLANES[orientation];
  if (!p) throw new Error(`'${orientation}' is not an orientation (axial, coronal or sagittal).`);
  return p;
}

const sizes = ({ nx, ny, nz }) => [nx, ny, nz];

/** Image size and slice count of an orientation: { width, height, count }. */
export function planeDims(orientation, dims) {
  const p = planeOf(orientation), n = sizes(dims);
  return { width: n[p.u], height: n[p.v], count: n[p.normal] };
}

/** Millimetres between columns, between rows and between slices of an orientation. */
export function planeSpacing(orientation, spacing) {
  const p = planeOf(orientation);
  return { column: spacing[p.u], row: spacing[p.v], slice: spacing[p.normal] };
}

/** Pixel (col, row) of slice `slice` of an orientation → voxel index [i, j, k] (continuous). */
export function pixelToVoxel(orientation, dims, slice, [col, row]) {
  const p = planeOf(orientation), n = sizes(dims);
  const index = [0, 0, 0];
  index[p.normal] = slice;
  index[p.u] = col;
  index[p.v] = p.upK ? n[2] - 1 - row : row;
  return index;
}

/** Voxel index [i, j, k] → { slice, col, row } of an orientation (continuous; slice not rounded). */
export function voxelToPixel(orientation, dims, index) {
  const p = planeOf(orientation), n = sizes(dims);
  return { slice: index[p.normal], col: index[p.u], row: p.upK ? n[2] - 1 - index[p.v] : index[p.v] };
}

/** The slice of each orientation through voxel [i, j, k]: { axial: k, coronal: j, sagittal: i }. */
export function slicesThrough(index) {
  return { axial: index[2], coronal: index[1], sagittal: index[0] };
}

/**
 * Where an image of the orientation lies in the world, for an image's metadata (DICOM's Image
 * Plane Module): position of pixel (0, 0), the world directions of a row (columns growing) and
 * of a column (rows growing), and the pixel spacing. geometry: createGeometry (geometry.js).
 */
export function imagePlane(orientation, geometry, dims, slice) {
  const p = planeOf(orientation);
  const rowCosines = geometry.axis(p.u);
  const down = geometry.axis(p.v);
  const columnCosines = p.upK ? down.map((x) => (x === 0 ? 0 : -x)) : down;
  const position = geometry.indexToWorld(pixelToVoxel(orientation, dims, slice, [0, 0]));
  const s = planeSpacing(orientation, geometry.spacing);
  return { position, rowCosines, columnCosines, columnSpacing: s.column, rowSpacing: s.row, sliceSpacing: s.slice };
}
