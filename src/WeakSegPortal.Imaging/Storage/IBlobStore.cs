namespace WeakSegPortal.Imaging.Storage;

/// <summary>Content-addressed storage of immutable blobs (volumes, slices, masks); a local disk today, S3 later.</summary>
public interface IBlobStore
{
    /// <summary>Stores the stream's bytes and returns their key; storing the same bytes again is a no-op.</summary>
    Task<BlobKey> PutAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored blob for reading, or returns null when the key is unknown.</summary>
    Task<Stream?> OpenReadAsync(BlobKey key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(BlobKey key, CancellationToken cancellationToken);

    /// <summary>Removes a blob; returns false when it was not there.</summary>
    Task<bool> DeleteAsync(BlobKey key, CancellationToken cancellationToken);
}
