using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Core.Qa;

/// <summary>The id of an annotator's scorecard in a project: the same pair always gives the same id.</summary>
public static class ScorecardIds
{
    public static Guid For(Guid projectId, Guid annotatorId) => AnnotationStreams.For(projectId, annotatorId);
}
