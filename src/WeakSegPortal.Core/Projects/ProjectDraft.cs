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
        Version = version,
    };
}

/// <summary>One class row of a <see cref="ProjectDraft"/>; <see cref="Id"/> is null until saved.</summary>
public sealed class LabelClassDraft
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string Colour { get; set; } = "#e6194b";
}
