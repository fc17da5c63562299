using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Qa;

/// <summary>Turns an annotator's stored annotations into the geometry the agreement maths reads.</summary>
public static class StoredLabels
{
    /// <summary>Polygons and brush strokes included, in the order they were made (an erase acts on earlier paint).</summary>
    public static WeakLabels ToWeakLabels(IEnumerable<StoredAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        return new AnnotatorItemLabels { Annotations = [.. annotations] }.ToWeakLabels();
    }

    public static bool IsAssisted(StoredAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return annotation.Provenance.IsAssisted;
    }
}
