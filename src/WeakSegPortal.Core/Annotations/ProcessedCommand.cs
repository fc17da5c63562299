namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// A command id the server has answered, with its answer. Stored in the same transaction as the
/// event, so a resent command is answered again and appends nothing.
/// </summary>
public sealed class ProcessedCommand
{
    public Guid Id { get; set; }
    public Guid AnnotatorId { get; set; }
    public AnnotationAck Ack { get; set; } = new(Guid.Empty, false, null, null);
    public DateTimeOffset At { get; set; }
}
