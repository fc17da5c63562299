// What is selected, as the annotator can see it (pure). Cornerstone keeps a selection of its
// own that outlives what is on screen: a label selected on another slice, or hidden, would
// still be "selected" and a Delete would remove it unseen. Only labels that are drawn on the
// slice on screen and not hidden count; Delete and the toolbar's delete button use these.

/**
 * selected: annotation uids Cornerstone has selected. labels: Map uid → { command } of the
 * annotator's labels. slice: the axial slice on screen. hidden: Set of hidden uids. planeSlices:
 * { coronal?, sagittal? } the slice each reformat view shown shows (boxes stored on a plane).
 * Returns the uids of labels that are selected and visibly so, in selection order.
 */
export function visibleSelection(selected, { labels, slice, hidden = new Set(), planeSlices = {} }) {
  return [...new Set(selected)].filter((uid) => {
    const label = labels.get(uid);
    // A box stored on a coronal or sagittal plane is on screen when that plane's view shows its slice.
    const onScreen = label?.command.plane ? planeSlices[label.command.plane] === label.command.slice : label?.command.slice === slice;
    return !!label && onScreen && !hidden.has(uid);
  });
}
