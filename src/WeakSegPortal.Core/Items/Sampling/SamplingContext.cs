using Marten;

namespace WeakSegPortal.Core.Items.Sampling;

/// <summary>What a strategy may look at: the store (the model registry, the agreement read model), the project, and the queue's chance draws.</summary>
public sealed record SamplingContext(IQuerySession Session, Guid ProjectId, Guid AnnotatorId, GoldDraw Chance);
