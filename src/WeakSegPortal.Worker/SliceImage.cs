using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker;

/// <summary>One slice of a job's volume as the engines see it; the job's modality (when given) picks the intensity window.</summary>
public static class SliceImage
{
    public static PromptImage From(Guid itemId, Volume volume, SliceOrientation orientation, int slice, string? modality)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var count = Count(volume, orientation);
        if (slice < 0 || slice >= count)
        {
            throw new PromptNotSupportedException($"Slice {slice} is outside the item's {count} {orientation.ToString().ToLowerInvariant()} slices.");
        }

        var image = PromptImage.FromVolume(itemId.ToString(), volume, orientation, slice);
        return string.IsNullOrWhiteSpace(modality) ? image : image with { Modality = modality };
    }

    public static int Count(Volume volume, SliceOrientation orientation) => orientation switch
    {
        SliceOrientation.Axial => volume.Nz,
        SliceOrientation.Coronal => volume.Ny,
        _ => volume.Nx,
    };
}
