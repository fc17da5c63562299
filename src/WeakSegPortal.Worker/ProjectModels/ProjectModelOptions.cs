using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Worker.ProjectModels;

/// <summary>Where and how many promoted project models the worker keeps (section "ProjectModels"); validated at start.</summary>
public sealed class ProjectModelOptions
{
    public const string Section = "ProjectModels";

    /// <summary>Folder of the ONNX files fetched from the portal, by hash; the system temp folder's weakseg-project-models when empty.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Bound of that folder (oldest use first out).</summary>
    [Range(1L << 20, long.MaxValue, ErrorMessage = "ProjectModels:DiskBytes is at least 1 MiB.")]
    public long DiskBytes { get; set; } = 2L << 30;

    /// <summary>Model sessions kept open at once (least recently used first out).</summary>
    [Range(1, 64, ErrorMessage = "ProjectModels:Sessions is between 1 and 64.")]
    public int Sessions { get; set; } = 4;

    public string Folder => string.IsNullOrWhiteSpace(Directory) ? Path.Combine(Path.GetTempPath(), "weakseg-project-models") : Directory;
}
