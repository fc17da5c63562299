using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>Where blobs (imported volumes) are kept (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of the content-addressed blob store; relative paths are under the content root.</summary>
    [Required(ErrorMessage = "Storage:Root must name a folder for imported images.")]
    public string Root { get; set; } = ".data/blobs";

    public string ResolveRoot(string contentRoot) => Path.GetFullPath(Path.IsPathRooted(Root) ? Root : Path.Combine(contentRoot, Root));
}
