using WeakSegPortal.Core.Items.Sampling;

namespace WeakSegPortal.Core.Projects;

/// <summary>What a project manager fills in to create or edit a project.</summary>
public sealed class ProjectDraft
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public Modality Modality { get; set; } = Modality.CT;
    public List<LabelClassDraft> Classes { get; set; } = [];
    public HashSet<AnnotationKind> AllowedKinds { get; set; } = [];
    public int AnnotatorsPerItem { get; set; } = 3;
    public double GoldRate { get; set; } = 0.05;
    public string Guidelines { get; set; } = "";
    /// <summary>The suggestion engine, one of <see cref="SuggestionEngineNames.Offered"/> or an engine a worker announces (<see cref="SuggestionEngineNames.IsChoosable"/>).</summary>
    public string SuggestionEngine { get; set; } = SuggestionEngineNames.Default;
    /// <summary>How the queue picks the next item, one of <see cref="SamplingStrategies.Names"/>.</summary>
    public string SamplingStrategy { get; set; } = SamplingStrategies.Default;
    /// <summary>Train the project's model automatically after this many newly submitted items; 0 never.</summary>
    public int AutoTrainAfterItems { get; set; }
    /// <summary>Share of each annotator's submitted items served to them again later, unmarked, between 0 (never) and <see cref="ProjectDraftValidator.MaxRepeatShare"/>.</summary>
    public double RepeatShare { get; set; }
    /// <summary>The team as the form holds it; null leaves the team as it is (a new project starts without one).</summary>
    public HashSet<ProjectMember>? Members { get; set; }
    /// <summary>The stream version the draft was read at; an edit against a newer version is refused.</summary>
    public long? Version { get; set; }

    public static ProjectDraft From(Project project, long version) => new()
    {
        Name = project.Name,
        Description = project.Description,
        Modality = project.Modality,
        Classes = [.. project.Classes.Select(c => new LabelClassDraft { Id = c.Id, Name = c.Name, Colour = c.Colour })],
        AllowedKinds = [.. project.AllowedKinds],
        AnnotatorsPerItem = project.AnnotatorsPerItem,
        GoldRate = project.GoldRate,
        Guidelines = project.Guidelines,
        SuggestionEngine = project.SuggestionEngine,
        SamplingStrategy = project.SamplingStrategy,
        AutoTrainAfterItems = project.AutoTrainAfterItems,
        RepeatShare = project.RepeatShare,
        Members = [.. project.Members],
        Version = version,
    };

    /// <summary>A deep copy: the page keeps one as saved to tell whether anything is left unsaved.</summary>
    public ProjectDraft Copy() => new()
    {
        Name = Name,
        Description = Description,
        Modality = Modality,
        Classes = [.. Classes.Select(c => new LabelClassDraft { Id = c.Id, Name = c.Name, Colour = c.Colour })],
        AllowedKinds = [.. AllowedKinds],
        AnnotatorsPerItem = AnnotatorsPerItem,
        GoldRate = GoldRate,
        Guidelines = Guidelines,
        SuggestionEngine = SuggestionEngine,
        SamplingStrategy = SamplingStrategy,
        AutoTrainAfterItems = AutoTrainAfterItems,
        RepeatShare = RepeatShare,
        Members = Members is null ? null : [.. Members],
        Version = Version,
    };

    /// <summary>True when saving either draft would store the same settings and team.</summary>
    public bool SameAs(ProjectDraft other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name.Trim() == other.Name.Trim()
            && Description.Trim() == other.Description.Trim()
            && Modality == other.Modality
            && Classes.Count == other.Classes.Count
            && Classes.Zip(other.Classes).All(p => p.First.Id == p.Second.Id && p.First.Name.Trim() == p.Second.Name.Trim()
                && string.Equals(p.First.Colour, p.Second.Colour, StringComparison.OrdinalIgnoreCase))
            && AllowedKinds.SetEquals(other.AllowedKinds)
            && AnnotatorsPerItem == other.AnnotatorsPerItem
            && GoldRate.Equals(other.GoldRate)
            && Guidelines == other.Guidelines
            && SuggestionEngine == other.SuggestionEngine
            && SamplingStrategy == other.SamplingStrategy
            && AutoTrainAfterItems == other.AutoTrainAfterItems
            && RepeatShare.Equals(other.RepeatShare)
            && (Members ?? []).SetEquals(other.Members ?? []);
    }
}

/// <summary>One class row of a <see cref="ProjectDraft"/>; <see cref="Id"/> is null until saved.</summary>
public sealed class LabelClassDraft
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string Colour { get; set; } = "#e6194b";
}
