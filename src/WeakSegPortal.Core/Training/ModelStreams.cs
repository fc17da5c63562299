using System.Security.Cryptography;

namespace WeakSegPortal.Core.Training;

/// <summary>Stream ids of the model registry and of a project's training.</summary>
public static class ModelStreams
{
    /// <summary>The project's model stream: its promotions, in order.</summary>
    public static Guid ForProject(Guid projectId) => Derived(projectId, "weakseg:models"u8);

    /// <summary>The project's training slot: one job at a time (a job's start and end are appended here at the version read).</summary>
    public static Guid TrainingSlot(Guid projectId) => Derived(projectId, "weakseg:training-slot"u8);

    private static Guid Derived(Guid projectId, ReadOnlySpan<byte> salt)
    {
        Span<byte> input = stackalloc byte[16 + salt.Length];
        projectId.TryWriteBytes(input[..16]);
        salt.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        // An RFC 9562 version-8 (custom) UUID, like the label streams.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
