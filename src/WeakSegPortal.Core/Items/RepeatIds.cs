using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Core.Items;

/// <summary>
/// The id of an annotator's hidden repeat of an item: the same pair always gives the same id, so two racing
/// requests cannot make two repeats (the second stream start collides), and nothing in it names the original.
/// </summary>
public static class RepeatIds
{
    private static readonly Guid Salt = new("5a1f0c0e-7e9e-4d1b-9b0e-2f7a8c3d4e51");

    public static Guid For(Guid originalItemId, Guid annotatorId) => AnnotationStreams.For(AnnotationStreams.For(originalItemId, annotatorId), Salt);
}
