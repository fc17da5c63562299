using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>One command a simulated annotator made, and what became of it as the client saw it.</summary>
public sealed class OutboxEntry(AnnotationCommand command, int sequence, bool refusalExpected)
{
    public AnnotationCommand Command { get; } = command;

    /// <summary>Its place among the annotator's commands (1, 2, …): the order the stream must keep.</summary>
    public int Sequence { get; } = sequence;

    /// <summary>Made to be refused (geometry outside the image): it must come back refused with a reason, never stored.</summary>
    public bool RefusalExpected { get; } = refusalExpected;

    /// <summary>Calls that carried it (more than one: it was resent with the same command id).</summary>
    public int Attempts { get; set; }

    /// <summary>The final answer: accepted, or refused with Retry false; null while it is still in the outbox.</summary>
    public AnnotationAck? Final { get; set; }
}
