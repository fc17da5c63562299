using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Demo;

/// <summary>A synthetic image with its exact label map (same geometry; voxel value = label id).</summary>
public sealed record DemoCase(string Name, Volume Image, Volume Labels, IReadOnlyList<DemoStructure> Structures);
