using System.Security.Cryptography;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Keeps <see cref="AnnotationRecord"/>s. Inline: a reload right after an acknowledgement must show
/// the label, and the agreement subscription reads them in the same order as the events. Insert-only
/// (plus delete), so no document is read before the write. Reads every label event through
/// <see cref="ILabelMade"/>, so a new kind needs nothing here.
/// </summary>
public sealed partial class AnnotationRecordProjection : EventProjection
{
    public AnnotationRecordProjection()
    {
        foreach (var type in AnnotationEventTypes.All)
        {
            IncludeType(type);
        }
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Data)
        {
            case ILabelMade made:
                operations.Store(RecordOf(made));
                break;
            case AnnotationDeleted deleted:
                operations.DeleteWhere<AnnotationRecord>(r => r.AnnotationId == deleted.AnnotationId);
                break;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The record of a made label; a tag's record id is its key, so a new answer overwrites the earlier one.</summary>
    public static AnnotationRecord RecordOf(ILabelMade made)
    {
        ArgumentNullException.ThrowIfNull(made);
        var label = made.ToStored();
        return new AnnotationRecord
        {
            Id = label.Tag is { } tag ? TagKey(made.ItemId, made.AnnotatorId, tag) : made.AnnotationId,
            AnnotationId = made.AnnotationId,
            ItemId = made.ItemId,
            AnnotatorId = made.AnnotatorId,
            Annotation = label,
        };
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
}
