// Cornerstone image loader for the `weakseg:` scheme: fetches an item's raw WSSL slices and a
// metadata provider answering from the item JSON (docs/annotation-protocol.md). Image ids
// are `weakseg:{itemId}/{k}` (axial) and `weakseg:{itemId}/{coronal|sagittal}/{index}` (the
// reformats, placed in the world by plane.js, so they show at the volume's true aspect); every voxel value a Cornerstone image holds is a real value
// (HU for CT), so windowing and the readout need no rescale.

import { imageLoader, metaData, utilities } from '@cornerstonejs/core';
import { createGeometry } from './geometry.js';
import { imagePlane, planeDims } from './plane.js';
import { decodeWssl, realValues } from './wssl.js';

export const SCHEME = 'weakseg';
const items = new Map(); // itemId → { item, geometry, fetchInit }
let registered = false;

export function imageIdOf(itemId, k, orientation = 'axial') {
  return orientation === 'axial' ? `${SCHEME}:${itemId}/${k}` : `${SCHEME}:${itemId}/${orientation}/${k}`;
}
/** { itemId, k, orientation } of an image id (k: the slice index in that orientation), or null. */
export function parseImageId(imageId) {
  const m = /^weakseg:([^/]+)\/(?:(coronal|sagittal)\/)?(\d+)$/.exec(imageId ?? '');
  return m ? { itemId: m[1], k: Number(m[3]), orientation: m[2] ?? 'axial' } : null;
}

/** Makes an item's slices loadable; returns its image ids (k = 0…nz−1), geometry and dims. */
export function registerItem(item, { fetchInit = { credentials: 'same-origin' } } = {}) {
  ensureRegistered();
  const geometry = createGeometry(item);
  items.set(item.id, { item, geometry, fetchInit });
  const imageIds = Array.from({ length: item.nz }, (_, k) => imageIdOf(item.id, k));
  return { imageIds, geometry, dims: { nx: item.nx, ny: item.ny, nz: item.nz } };
}

/** Image ids of a registered item's slices in an orientation (index 0…count−1). */
export function imageIdsOf(item, orientation) {
  const { count } = planeDims(orientation, item);
  return Array.from({ length: count }, (_, n) => imageIdOf(item.id, n, orientation));
}

export function unregisterItem(itemId) { items.delete(itemId); }

function ensureRegistered() {
  if (registered) return;
  registered = true;
  imageLoader.registerImageLoader(SCHEME, loadImage);
  metaData.addProvider(provideMetadata, 10000);
}

function sliceUrl(item, k, orientation) {
  return item.sliceUrl.replace('{k}', String(k)).replace('/slices/axial/', `/slices/${orientation}/`);
}

function loadImage(imageId) {
  const parsed = parseImageId(imageId);
  const entry = parsed && items.get(parsed.itemId);
  const controller = new AbortController();
  const promise = (async () => {
    if (!entry) throw new Error(`No item registered for ${imageId}`);
    const { item, fetchInit } = entry;
    const res = await fetch(sliceUrl(item, parsed.k, parsed.orientation), { ...fetchInit, signal: controller.signal });
    if (!res.ok) throw new Error(`Slice ${parsed.k}: HTTP ${res.status}`);
    const slice = decodeWssl(await res.arrayBuffer());
    const { width, height } = planeDims(parsed.orientation, item);
    if (slice.width !== width || slice.height !== height) {
      throw new Error(`${parsed.orientation} slice ${parsed.k} is ${slice.width} × ${slice.height}, the item says ${width} × ${height}`);
    }
    return createImage(imageId, item, realValues(slice), parsed.orientation);
  })();
  return { promise, cancelFn: () => controller.abort() };
}

function createImage(imageId, item, scalarData, orientation) {
  const { width, height } = planeDims(orientation, item);
  const entry = items.get(item.id);
  const plane = imagePlane(orientation, entry.geometry, item, 0);
  const voxelManager = utilities.VoxelManager.createImageVoxelManager({ width, height, numberOfComponents: 1, scalarData, id: imageId });
  let min = Infinity, max = -Infinity;
  for (let p = 0; p < scalarData.length; p++) { const v = scalarData[p]; if (v < min) min = v; if (v > max) max = v; }
  const win = item.window ?? { center: (min + max) / 2, width: Math.max(1, max - min) };
  return {
    imageId,
    intercept: 0, slope: 1,
    windowCenter: win.center, windowWidth: win.width,
    color: false, rgba: false, invert: false,
    numberOfComponents: 1,
    dataType: scalarData.constructor.name,
    minPixelValue: min, maxPixelValue: max,
    rows: height, columns: width, height, width,
    columnPixelSpacing: plane.columnSpacing, rowPixelSpacing: plane.rowSpacing,
    sliceThickness: plane.sliceSpacing,
    FrameOfReferenceUID: frameOfReference(item),
    getPixelData: () => voxelManager.getScalarData(),
    getCanvas: undefined,
    voxelManager,
    sizeInBytes: scalarData.byteLength,
  };
}

function frameOfReference(item) { return `weakseg.${item.id}`; }

function provideMetadata(type, imageId) {
  const parsed = parseImageId(imageId);
  const entry = parsed && items.get(parsed.itemId);
  if (!entry) return undefined;
  const { item, geometry } = entry;
  const { k, orientation } = parsed;
  const { width, height } = planeDims(orientation, item);
  const signed = item.modality === 'CT' || (item.valueMin ?? 0) < 0;
  switch (type) {
    case 'imagePixelModule':
      return { samplesPerPixel: 1, photometricInterpretation: 'MONOCHROME2', rows: height, columns: width, bitsAllocated: 16, bitsStored: 16, highBit: 15, pixelRepresentation: signed ? 1 : 0 };
    case 'imagePlaneModule': {
      const { position, rowCosines, columnCosines, columnSpacing, rowSpacing, sliceSpacing } = imagePlane(orientation, geometry, item, k);
      return {
        frameOfReferenceUID: frameOfReference(item), rows: height, columns: width,
        imageOrientationPatient: [...rowCosines, ...columnCosines], rowCosines, columnCosines,
        imagePositionPatient: position,
        pixelSpacing: [rowSpacing, columnSpacing], rowPixelSpacing: rowSpacing, columnPixelSpacing: columnSpacing,
        sliceThickness: sliceSpacing, sliceLocation: position[2], usingDefaultValues: false,
      };
    }
    case 'generalSeriesModule':
      return { modality: item.modality ?? 'OT', seriesInstanceUID: orientation === 'axial' ? `weakseg.series.${item.id}` : `weakseg.series.${item.id}.${orientation}`, seriesNumber: 1, seriesDescription: item.name };
    case 'generalImageModule':
      return { instanceNumber: k + 1, sopInstanceUID: orientation === 'axial' ? `weakseg.${item.id}.${k}` : `weakseg.${item.id}.${orientation}.${k}` };
    case 'voiLutModule':
      return item.window ? { windowCenter: [item.window.center], windowWidth: [item.window.width] } : undefined;
    case 'modalityLutModule':
      return { rescaleSlope: 1, rescaleIntercept: 0, modality: item.modality };
    case 'generalStudyModule':
      return { studyInstanceUID: `weakseg.study.${item.id}`, studyDescription: item.name };
    case 'patientStudyModule': case 'patientModule':
      return {};
    default:
      return undefined;
  }
}

/** Real value of pixel (col, row) of slice k (of an orientation, default axial: col = i, row = j) if that slice is loaded, else null. */
export function voxelValue(cache, itemId, k, col, row, orientation = 'axial') {
  const entry = items.get(itemId);
  const image = entry && cache.getImage(imageIdOf(itemId, k, orientation));
  if (!image) return null;
  const { width, height } = planeDims(orientation, entry.item);
  if (col < 0 || row < 0 || col >= width || row >= height) return null;
  return image.voxelManager.getAtIndex(row * width + col);
}
