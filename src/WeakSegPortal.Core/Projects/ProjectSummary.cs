using WeakSegPortal.Core.Items.Sampling;

namespace WeakSegPortal.Core.Projects;

/// <summary>One row of the project list: a read model projected from the project's events.</summary>
public sealed class ProjectSummary
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Trimmed lower-case name; names are unique in this form.</summary>
    public string NormalizedName { get; set; } = "";
    public Modality Modality { get; set; }
    public List<LabelClass> Classes { get; set; } = [];
    public List<AnnotationKind> AllowedKinds { get; set; } = [];
    /// <summary>The engine that answers this project's suggestions (<see cref="SuggestionEngineNames"/>).</summary>
    public string SuggestionEngine { get; set; } = SuggestionEngineNames.Default;
    /// <summary>How the queue picks the next item (<see cref="SamplingStrategies"/>).</summary>
    public string SamplingStrategy { get; set; } = SamplingStrategies.Default;
    public int AnnotatorsPerItem { get; set; }
    /// <summary>Train automatically after this many newly submitted items; 0 never (Training/AutoTraining).</summary>
    public int AutoTrainAfterItems { get; set; }
    /// <summary>Share of each annotator's submitted items served to them again, unmarked (Items/QueueRules.RepeatDue); 0 never.</summary>
    public double RepeatShare { get; set; }
    public List<ProjectMember> Members { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Changes { get; set; }

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}
