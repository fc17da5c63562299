using WeakSegPortal.Core.Items.Sampling;

namespace WeakSegPortal.Core.Projects;

/// <summary>A project's settings, rebuilt from its event stream. Rules live in the handlers, not here.</summary>
public sealed class Project
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public Modality Modality { get; set; }
    public List<LabelClass> Classes { get; set; } = [];
    /// <summary>Every id ever handed out, retired ones included, so an id is never reused.</summary>
    public int HighestClassId { get; set; }
    public List<AnnotationKind> AllowedKinds { get; set; } = [];
    public int AnnotatorsPerItem { get; set; }
    public double GoldRate { get; set; }
    public string Guidelines { get; set; } = "";
    public string SuggestionEngine { get; set; } = SuggestionEngineNames.Default;
    public string SamplingStrategy { get; set; } = SamplingStrategies.Default;
    /// <summary>Train automatically after this many newly submitted items; 0 never.</summary>
    public int AutoTrainAfterItems { get; set; }
    /// <summary>Share of each annotator's submitted items served to them again, unmarked (<see cref="RepeatShareChosen"/>); 0 never.</summary>
    public double RepeatShare { get; set; }
    public List<ProjectMember> Members { get; set; } = [];
    public List<GuidelineExample> Examples { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static Project Create(ProjectCreated e) => new()
    {
        Id = e.ProjectId,
        Name = e.Name,
        Description = e.Description,
        Modality = e.Modality,
        Classes = [.. e.Classes],
        HighestClassId = e.Classes.Count == 0 ? 0 : e.Classes.Max(c => c.Id),
        AllowedKinds = [.. e.AllowedKinds],
        AnnotatorsPerItem = e.AnnotatorsPerItem,
        GoldRate = e.GoldRate,
        Guidelines = e.Guidelines,
        CreatedAt = e.At,
        UpdatedAt = e.At,
    };

    public void Apply(ProjectRenamed e) => (Name, UpdatedAt) = (e.Name, e.At);

    public void Apply(ProjectDescribed e) => (Description, UpdatedAt) = (e.Description, e.At);

    public void Apply(ProjectModalityChanged e) => (Modality, UpdatedAt) = (e.Modality, e.At);

    public void Apply(LabelClassAdded e)
    {
        Classes.Add(e.Class);
        HighestClassId = Math.Max(HighestClassId, e.Class.Id);
        UpdatedAt = e.At;
    }

    public void Apply(LabelClassChanged e)
    {
        var index = Classes.FindIndex(c => c.Id == e.Class.Id);
        if (index >= 0)
        {
            Classes[index] = e.Class;
        }
        UpdatedAt = e.At;
    }

    public void Apply(LabelClassRetired e)
    {
        Classes.RemoveAll(c => c.Id == e.ClassId);
        UpdatedAt = e.At;
    }

    public void Apply(AllowedAnnotationKindsChanged e) => (AllowedKinds, UpdatedAt) = ([.. e.AllowedKinds], e.At);

    public void Apply(AssignmentRulesChanged e) =>
        (AnnotatorsPerItem, GoldRate, UpdatedAt) = (e.AnnotatorsPerItem, e.GoldRate, e.At);

    public void Apply(SuggestionEngineChosen e) => (SuggestionEngine, UpdatedAt) = (e.Engine, e.At);

    public void Apply(SamplingStrategyChosen e) => (SamplingStrategy, UpdatedAt) = (e.Strategy, e.At);
    public void Apply(AutoTrainingChosen e) => (AutoTrainAfterItems, UpdatedAt) = (e.AfterItems, e.At);

    public void Apply(RepeatShareChosen e) => (RepeatShare, UpdatedAt) = (e.Share, e.At);

    public void Apply(GuidelinesChanged e) => (Guidelines, UpdatedAt) = (e.Guidelines, e.At);

    public void Apply(ProjectMemberAdded e)
    {
        Members.Add(new ProjectMember(e.UserId, e.Role));
        UpdatedAt = e.At;
    }

    public void Apply(ProjectMemberRemoved e)
    {
        Members.Remove(new ProjectMember(e.UserId, e.Role));
        UpdatedAt = e.At;
    }

    public void Apply(GuidelineExampleAdded e)
    {
        Examples.Add(e.Example);
        UpdatedAt = e.At;
    }

    public void Apply(GuidelineExampleRemoved e)
    {
        Examples.RemoveAll(x => x.ExampleId == e.ExampleId);
        UpdatedAt = e.At;
    }

    public bool HasMember(Guid userId, ProjectRole role) => Members.Contains(new ProjectMember(userId, role));
}
