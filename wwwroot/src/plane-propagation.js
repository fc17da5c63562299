// Propagation on any view (pure; docs/suggestion-protocol.md, "Propagation"): the server's
// Propagate works in the image pixels of the orientation it is asked for, as it cuts them
// (reformats: the highest k on the top row), while a label stored on a coronal or sagittal plane
// has y = k ascending (docs/annotation-protocol.md). These turn a stored box or mask into the
// request's object, and a proposed mask back into what is stored.

import { imageRowsToPlane } from './plane-labels.js';
import { decodeMask, encodeMask } from './mask-rle.js';

/**
 * The Propagate request's object for a stored box or mask label: { orientation, slice, box } or
 * { orientation, slice, mask } in the image pixels of that orientation. dims: { nx, ny, nz }.
 */
export function propagationObject(command, dims) {
  const orientation = command.plane ?? 'axial';
  const at = { orientation, slice: command.slice };
  if (orientation === 'axial') return command.kind === 'box' ? { ...at, box: { ...command.box } } : { ...at, mask: structuredClone(command.mask) };
  if (command.kind === 'box') {
    const { x0, y0, x1, y1 } = command.box;
    const top = dims.nz - 1; // image row = nz − 1 − k
    return { ...at, box: { x0, y0: top - y1, x1, y1: top - y0 } };
  }
  return { ...at, mask: flipRows(command.mask) };
}

/** A proposed mask (image rows, as the server answers) as stored on its orientation: axial as is, a reformat's rows un-flipped (y = k ascending). */
export function storedMask(mask, orientation) {
  return orientation === 'axial' ? structuredClone(mask) : flipRows(mask);
}

function flipRows({ width, height, counts }) {
  return { width, height, counts: encodeMask(imageRowsToPlane(decodeMask(counts, width, height), width, height)) };
}
