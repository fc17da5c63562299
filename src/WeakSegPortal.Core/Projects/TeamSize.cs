namespace WeakSegPortal.Core.Projects;

/// <summary>Whether a team has annotators enough for its project's annotators-per-item, and what follows when not.</summary>
public static class TeamSize
{
    /// <summary>The warning for a team with fewer annotators than each item needs, or null when it has enough.</summary>
    public static string? Warning(int annotatorsPerItem, int annotators) => annotators >= annotatorsPerItem
        ? null
        : $"Each item needs {annotatorsPerItem} independent annotations, but the team has {(annotators == 0 ? "no annotators" : annotators == 1 ? "1 annotator" : $"{annotators} annotators")}: "
          + $"no item can ever reach {annotatorsPerItem} annotations, so none is complete and ready for QA. Add annotators, or lower annotators per item{(annotators > 0 ? $" to {annotators}" : "")}.";

    /// <summary>The warning for a team as a set of members.</summary>
    public static string? Warning(int annotatorsPerItem, IEnumerable<ProjectMember> members) =>
        Warning(annotatorsPerItem, members.Count(m => m.Role == ProjectRole.Annotator));
}
