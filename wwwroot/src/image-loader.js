// Cornerstone image loader for the `weakseg:` scheme: fetches an item's raw WSSL slices and a
// metadata provider answering from the item JSON (docs/annotation-protocol.md). Image ids
// are `weakseg:{itemId}/{k}`; every voxel value a Cornerstone image holds is a real value
// (HU for CT), so windowing and the readout need no rescale.

import { imageLoader, metaData, utilities } from '@cornerstonejs/core';
import { createGeometry } from './geometry.js';
import { decodeWssl, realValues } from './wssl.js';

export const SCHEME = 'weakseg';
const items = new Map(); // itemId → { item, geometry, fetchInit }
let registered = false;

export function imageIdOf(itemId, k) { return `${SCHEME}:${itemId}/${k}`; }
export function parseImageId(imageId) {
  const m = /^weakseg:([^/]+)\/(\d+)$/.exec(imageId ?? '');
  return m ? { itemId: m[1], k: Number(m[2]) } : null;
}

/** Makes an item's slices loadable; returns its image ids (k = 0…nz−1), geometry and dims. */
export function registerItem(item, { fetchInit = { credentials: 'same-origin' } } = {}) {
  ensureRegistered();
  const geometry = createGeometry(item);
  items.set(item.id, { item, geometry, fetchInit });
  const imageIds = Array.from({ length: item.nz }, (_, k) => imageIdOf(item.id, k));
  return { imageIds, geometry, dims: { nx: item.nx, ny: item.ny, nz: item.nz } };
}

export function unregisterItem(itemId) { items.delete(itemId); }

function ensureRegistered() {
  if (registered) return;
  registered = true;
  imageLoader.registerImageLoader(SCHEME, loadImage);
  metaData.addProvider(provideMetadata, 10000);
}

function sliceUrl(item, k) { return item.sliceUrl.replace('{k}', String(k)); }

function loadImage(imageId) {
  const parsed = parseImageId(imageId);
  const entry = parsed && items.get(parsed.itemId);
  const controller = new AbortController();
  const promise = (async () => {
    if (!entry) throw new Error(`No item registered for ${imageId}`);
    const { item, fetchInit } = entry;
    const res = await fetch(sliceUrl(item, parsed.k), { ...fetchInit, signal: controller.signal });
    if (!res.ok) throw new Error(`Slice ${parsed.k}: HTTP ${res.status}`);
    const slice = decodeWssl(await res.arrayBuffer());
    if (slice.width !== item.nx || slice.height !== item.ny) {
      throw new Error(`Slice ${parsed.k} is ${slice.width} × ${slice.height}, the item says ${item.nx} × ${item.ny}`);
    }
    return createImage(imageId, item, realValues(slice));
  })();
  return { promise, cancelFn: () => controller.abort() };
}

function createImage(imageId, item, scalarData) {
  const width = item.nx, height = item.ny;
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
    columnPixelSpacing: item.spacing[0], rowPixelSpacing: item.spacing[1],
    sliceThickness: item.spacing[2],
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
  const k = parsed.k;
  const signed = item.modality === 'CT' || (item.valueMin ?? 0) < 0;
  switch (type) {
    case 'imagePixelModule':
      return { samplesPerPixel: 1, photometricInterpretation: 'MONOCHROME2', rows: item.ny, columns: item.nx, bitsAllocated: 16, bitsStored: 16, highBit: 15, pixelRepresentation: signed ? 1 : 0 };
    case 'imagePlaneModule': {
      const rowCosines = geometry.axis(0), columnCosines = geometry.axis(1);
      const position = geometry.indexToWorld([0, 0, k]);
      return {
        frameOfReferenceUID: frameOfReference(item), rows: item.ny, columns: item.nx,
        imageOrientationPatient: [...rowCosines, ...columnCosines], rowCosines, columnCosines,
        imagePositionPatient: position,
        pixelSpacing: [item.spacing[1], item.spacing[0]], rowPixelSpacing: item.spacing[1], columnPixelSpacing: item.spacing[0],
        sliceThickness: item.spacing[2], sliceLocation: position[2], usingDefaultValues: false,
      };
    }
    case 'generalSeriesModule':
      return { modality: item.modality ?? 'OT', seriesInstanceUID: `weakseg.series.${item.id}`, seriesNumber: 1, seriesDescription: item.name };
    case 'generalImageModule':
      return { instanceNumber: k + 1, sopInstanceUID: `weakseg.${item.id}.${k}` };
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

/** Real value of voxel (i, j) on slice k if that slice is loaded, else null. */
export function voxelValue(cache, itemId, k, i, j) {
  const entry = items.get(itemId);
  const image = entry && cache.getImage(imageIdOf(itemId, k));
  if (!image || i < 0 || j < 0 || i >= entry.item.nx || j >= entry.item.ny) return null;
  return image.voxelManager.getAtIndex(j * entry.item.nx + i);
}
