using Marten.Events.Aggregation;

namespace WeakSegPortal.Core.Projects;

/// <summary>Builds <see cref="ProjectSummary"/> rows. Inline: the list must show a project the moment it is saved.</summary>
public sealed class ProjectSummaryProjection : SingleStreamProjection<ProjectSummary, Guid>
{
    public static ProjectSummary Create(ProjectCreated e) => new()
    {
        Id = e.ProjectId,
        Name = e.Name,
        NormalizedName = ProjectSummary.Normalize(e.Name),
        Modality = e.Modality,
        Classes = [.. e.Classes],
        AllowedKinds = [.. e.AllowedKinds],
        AnnotatorsPerItem = e.AnnotatorsPerItem,
        CreatedAt = e.At,
        UpdatedAt = e.At,
        Changes = 1,
    };

    public static void Apply(ProjectRenamed e, ProjectSummary s)
    {
        s.Name = e.Name;
        s.NormalizedName = ProjectSummary.Normalize(e.Name);
        Touch(s, e.At);
    }

    public static void Apply(ProjectDescribed e, ProjectSummary s) => Touch(s, e.At);

    public static void Apply(ProjectModalityChanged e, ProjectSummary s)
    {
        s.Modality = e.Modality;
        Touch(s, e.At);
    }

    public static void Apply(LabelClassAdded e, ProjectSummary s)
    {
        s.Classes.Add(e.Class);
        Touch(s, e.At);
    }

    public static void Apply(LabelClassChanged e, ProjectSummary s)
    {
        var index = s.Classes.FindIndex(c => c.Id == e.Class.Id);
        if (index >= 0)
        {
            s.Classes[index] = e.Class;
        }
        Touch(s, e.At);
    }

    public static void Apply(LabelClassRetired e, ProjectSummary s)
    {
        s.Classes.RemoveAll(c => c.Id == e.ClassId);
        Touch(s, e.At);
    }

    public static void Apply(AllowedAnnotationKindsChanged e, ProjectSummary s)
    {
        s.AllowedKinds = [.. e.AllowedKinds];
        Touch(s, e.At);
    }

    public static void Apply(SuggestionEngineChosen e, ProjectSummary s)
    {
        s.SuggestionEngine = e.Engine;
        Touch(s, e.At);
    }

    public static void Apply(SamplingStrategyChosen e, ProjectSummary s)
    {
        s.SamplingStrategy = e.Strategy;
        Touch(s, e.At);
    }

    public static void Apply(AssignmentRulesChanged e, ProjectSummary s)
    {
        s.AnnotatorsPerItem = e.AnnotatorsPerItem;
        Touch(s, e.At);
    }

    public static void Apply(GuidelinesChanged e, ProjectSummary s) => Touch(s, e.At);

    public static void Apply(AutoTrainingChosen e, ProjectSummary s)
    {
        s.AutoTrainAfterItems = e.AfterItems;
        Touch(s, e.At);
    }

    public static void Apply(RepeatShareChosen e, ProjectSummary s)
    {
        s.RepeatShare = e.Share;
        Touch(s, e.At);
    }

    public static void Apply(ProjectMemberAdded e, ProjectSummary s)
    {
        s.Members.Add(new ProjectMember(e.UserId, e.Role));
        Touch(s, e.At);
    }

    public static void Apply(ProjectMemberRemoved e, ProjectSummary s)
    {
        s.Members.Remove(new ProjectMember(e.UserId, e.Role));
        Touch(s, e.At);
    }

    public static void Apply(GuidelineExampleAdded e, ProjectSummary s) => Touch(s, e.At);

    public static void Apply(GuidelineExampleRemoved e, ProjectSummary s) => Touch(s, e.At);

    private static void Touch(ProjectSummary s, DateTimeOffset at)
    {
        s.UpdatedAt = at;
        s.Changes++;
    }
}
