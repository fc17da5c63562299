namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Folds an annotator's label events into their current labels: a made label is added (a tag
/// replaces the earlier answer for its class and slice), a deletion removes one. The QA desk's
/// history replay uses it; the stored form (<see cref="AnnotationRecordProjection"/>) follows the same rules.
/// </summary>
public static class LabelFold
{
    public static void Apply(IAnnotationEvent e, AnnotatorItemLabels labels)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(labels);
        labels.ItemId = e.ItemId;
        labels.AnnotatorId = e.AnnotatorId;
        labels.UpdatedAt = e.At;
        if (e is not ILabelMade made)
        {
            labels.Annotations.RemoveAll(a => a.AnnotationId == e.AnnotationId);
            return;
        }
        var label = made.ToStored();
        if (label.Tag is { } tag)
        {
            labels.Annotations.RemoveAll(a => a.Tag is { } t && t.ClassId == tag.ClassId && t.Slice == tag.Slice);
        }
        labels.Annotations.Add(label);
    }
}
