namespace WeakSegPortal.Core.Items.Sampling;

/// <summary>
/// The one registry of sampling strategies by name: what a project may choose (the project form offers <see cref="All"/>,
/// <see cref="WeakSegPortal.Core.Projects.ProjectDraftValidator"/> holds drafts to it) and what the queue runs (<see cref="NextItemHandler"/>).
/// </summary>
public static class SamplingStrategies
{
    public const string Sequential = "sequential";
    public const string Random = "random";
    public const string Informative = "informative";

    /// <summary>A project that never chose one uses this: the queue's rule before strategies existed.</summary>
    public const string Default = Sequential;

    /// <summary>Every strategy a project may choose, the default first.</summary>
    public static IReadOnlyList<ISamplingStrategy> All { get; } = [new SequentialSampling(), new RandomSampling(), new InformativeSampling()];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The refusal for a name that is not registered.</summary>
    public static string ChoiceError { get; } = $"Pick a sampling strategy: {string.Join(", ", Names)}.";

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The strategy stored under <paramref name="name"/>; the default for a project that never chose one.</summary>
    public static ISamplingStrategy For(string? name) =>
        All.FirstOrDefault(s => s.Name == (name ?? Default)) ?? throw new KeyNotFoundException($"No sampling strategy named '{name}'; registered: {string.Join(", ", Names)}.");
}
