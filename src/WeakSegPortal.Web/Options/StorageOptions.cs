using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>Where pixel data lives (section "Storage"): a content-addressed folder on local disk, and how much the slice server caches.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of the content-addressed blob store; relative paths are under the content root.</summary>
    [Required(ErrorMessage = "Storage:Root must name a folder for imported images.")]
    public string Root { get; set; } = ".data/blobs";

    /// <summary>How many bytes of decoded volumes the slice server keeps in memory.</summary>
    [Range(16L * 1024 * 1024, long.MaxValue, ErrorMessage = "Storage:VolumeCacheBytes must be at least 16 MB.")]
    public long VolumeCacheBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How many bytes of encoded slices (raw and PNG) the slice server keeps in memory.</summary>
    [Range(1L * 1024 * 1024, long.MaxValue, ErrorMessage = "Storage:SliceCacheBytes must be at least 1 MB.")]
    public long SliceCacheBytes { get; set; } = 256L * 1024 * 1024;

    public string ResolveRoot(string contentRoot) => Path.GetFullPath(Path.IsPathRooted(Root) ? Root : Path.Combine(contentRoot, Root));
}
