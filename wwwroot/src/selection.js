// What is selected, as the annotator can see it (pure). Cornerstone keeps a selection of its
// own that outlives what is on screen: a label selected on another slice, or hidden, would
// still be "selected" and a Delete would remove it unseen. Only labels that are drawn on the
// slice on screen and not hidden count; Delete and the toolbar's delete button use these.

/**
 * selected: annotation uids Cornerstone has selected. labels: Map uid → { command } of the
 * annotator's labels. slice: the slice on screen. hidden: Set of hidden uids.
 * Returns the uids of labels that are selected and visibly so, in selection order.
 */
export function visibleSelection(selected, { labels, slice, hidden = new Set() }) {
  return [...new Set(selected)].filter((uid) => {
    const label = labels.get(uid);
    return !!label && label.command.slice === slice && !hidden.has(uid);
  });
}
