using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Annotations;

public static class AnnotatorItemLabelsExtensions
{
    /// <summary>
    /// The annotator's current labels as <see cref="WeakLabels"/> for rasterising: polygons, accepted masks and
    /// brush strokes stay in the order they were made, so an erase stroke acts only on earlier paint.
    /// </summary>
    public static WeakLabels ToWeakLabels(this AnnotatorItemLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var all = labels.Annotations;
        return new WeakLabels
        {
            Boxes = [.. all.Select(a => a.Box).OfType<Box2D>()],
            Scribbles = [.. all.Select(a => a.Scribble).OfType<Scribble>()],
            Points = [.. all.Select(a => a.Point).OfType<LabelPoint>()],
            Tags = [.. all.Select(a => a.Tag).OfType<Tag>()],
            Masks = [.. all.Select(a => a.MaskShape).OfType<IMaskShape>()],
        };
    }
}
