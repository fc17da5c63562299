using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Qa;

/// <summary>Turns an annotator's stored annotations into the geometry the agreement maths reads.</summary>
public static class StoredLabels
{
    public static WeakLabels ToWeakLabels(IEnumerable<StoredAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var list = annotations.ToList();
        return new WeakLabels
        {
            Boxes = [.. list.Where(a => a.Box is not null).Select(a => a.Box!)],
            Scribbles = [.. list.Where(a => a.Scribble is not null).Select(a => a.Scribble!)],
            Points = [.. list.Where(a => a.Point is not null).Select(a => a.Point!)],
            Tags = [.. list.Where(a => a.Tag is not null).Select(a => a.Tag!)],
        };
    }

    public static bool IsAssisted(StoredAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return !string.Equals(annotation.Provenance.Source, Provenance.Manual.Source, StringComparison.Ordinal);
    }
}
