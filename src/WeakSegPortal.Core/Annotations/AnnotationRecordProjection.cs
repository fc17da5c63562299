using System.Security.Cryptography;
using Marten;
using Marten.Events.Projections;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Keeps <see cref="AnnotationRecord"/>s. Inline: a reload right after an acknowledgement must show
/// the label, and the agreement subscription reads them in the same order as the events. Insert-only
/// (plus delete), so no document is read before the write.
/// </summary>
public sealed partial class AnnotationRecordProjection : EventProjection
{
    public static AnnotationRecord Create(BoxDrawn e) =>
        Record(e.AnnotationId, e.ItemId, e.AnnotatorId, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Box, e.Box, null, null, null, e.Provenance, e.ActiveMs, e.At));

    public static AnnotationRecord Create(ScribbleDrawn e) =>
        Record(e.AnnotationId, e.ItemId, e.AnnotatorId, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Scribble, null, e.Scribble, null, null, e.Provenance, e.ActiveMs, e.At));

    public static AnnotationRecord Create(PointPlaced e) =>
        Record(e.AnnotationId, e.ItemId, e.AnnotatorId, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Point, null, null, e.Point, null, e.Provenance, e.ActiveMs, e.At));

    public static AnnotationRecord Create(PolygonDrawn e) =>
        Record(e.AnnotationId, e.ItemId, e.AnnotatorId, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Polygon, null, null, null, null, e.Provenance, e.ActiveMs, e.At) { Polygon = e.Polygon });

    public static AnnotationRecord Create(BrushStrokePainted e) =>
        Record(e.AnnotationId, e.ItemId, e.AnnotatorId, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Brush, null, null, null, null, e.Provenance, e.ActiveMs, e.At) { Brush = e.Stroke });

    /// <summary>One answer per class and slice: the record id is the tag's key, so storing overwrites the earlier answer.</summary>
    public static AnnotationRecord Create(TagSet e)
    {
        var record = Record(e.AnnotationId, e.ItemId, e.AnnotatorId, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Tag, null, null, null, e.Tag, e.Provenance, e.ActiveMs, e.At));
        record.Id = TagKey(e.ItemId, e.AnnotatorId, e.Tag);
        return record;
    }

    public static void Project(AnnotationDeleted e, IDocumentOperations operations)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(operations);
        operations.DeleteWhere<AnnotationRecord>(r => r.AnnotationId == e.AnnotationId);
    }

    public static Guid TagKey(Guid itemId, Guid annotatorId, Tag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Span<byte> input = stackalloc byte[40];
        itemId.TryWriteBytes(input[..16]);
        annotatorId.TryWriteBytes(input[16..32]);
        BitConverter.TryWriteBytes(input[32..36], tag.ClassId);
        BitConverter.TryWriteBytes(input[36..40], tag.Slice ?? -1);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    private static AnnotationRecord Record(Guid annotationId, Guid itemId, Guid annotatorId, StoredAnnotation annotation) =>
        new() { Id = annotationId, AnnotationId = annotationId, ItemId = itemId, AnnotatorId = annotatorId, Annotation = annotation };
}
