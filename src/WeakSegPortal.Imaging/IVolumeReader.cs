using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging;

/// <summary>Reads one volume from a file or folder; throws <see cref="ImageReadException"/> for bad input.</summary>
public interface IVolumeReader
{
    /// <summary>Whether this reader recognises the path (by extension or signature); cheap, reads at most a header.</summary>
    bool CanRead(string path);

    Volume Read(string path, CancellationToken cancellationToken = default);
}
