namespace WeakSegPortal.Core.Projects;

/// <summary>What a person does in one project. Project managers and admins reach every project without one.</summary>
public enum ProjectRole
{
    Annotator,
    QaLead,
}
