using System.Runtime.InteropServices;
using System.Text;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Network;

namespace WeakSegPortal.Training.Checkpoints;

/// <summary>Saves a U-Net with a self-describing header and loads it back, refusing an incompatible file with the reason.</summary>
/// <remarks>
/// Layout: <see cref="CheckpointFormat"/>'s header, then TorchSharp's own state-dict format. The header lets a refusal name the mismatch (classes, input channels,
/// depth, width, tags, or a tensor's shape) instead of surfacing libtorch's error, and lets a loader build the network
/// before reading any weights.
/// </remarks>
public static class ModelCheckpoint
{
    public static void Save(UNet network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        CheckpointFormat.WriteHeader(writer, new CheckpointHeader(network.Options, Describe(network)));
        network.save(writer);
        writer.Flush();
    }

    /// <summary>Reads a checkpoint; with <paramref name="expected"/>, also refuses one whose network differs from it.</summary>
    /// <exception cref="IncompatibleCheckpointException">The file is not a U-Net checkpoint, is damaged, or does not fit.</exception>
    public static UNet Load(Stream stream, UNetOptions? expected = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var header = CheckpointFormat.ReadHeader(reader);
        if (expected is not null && CheckpointFormat.Mismatch(header.Network, expected) is { } reason)
        {
            throw new IncompatibleCheckpointException(reason);
        }
        var network = new UNet(header.Network);
        try
        {
            var built = Describe(network).ToDictionary(t => t.Name);
            foreach (var saved in header.Tensors)
            {
                if (!built.Remove(saved.Name, out var wanted))
                {
                    throw new IncompatibleCheckpointException($"The checkpoint holds a tensor '{saved.Name}' that a U-Net of its stated shape does not have.");
                }
                if (!saved.Shape.SequenceEqual(wanted.Shape))
                {
                    throw new IncompatibleCheckpointException($"The checkpoint's tensor '{saved.Name}' has shape {saved.ShapeText}; its stated network needs {wanted.ShapeText}.");
                }
            }
            if (built.Count > 0)
            {
                throw new IncompatibleCheckpointException($"The checkpoint lacks the tensor '{built.Keys.First()}' (and {built.Count - 1} more).");
            }
            network.load(reader, strict: true);
            network.IsFresh = false;
            return network;
        }
        catch (IncompatibleCheckpointException)
        {
            network.Dispose();
            throw;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidOperationException or ExternalException)
        {
            network.Dispose();
            throw new IncompatibleCheckpointException($"The checkpoint's weights cannot be read: {e.Message}", e);
        }
    }

    private static List<CheckpointTensor> Describe(UNet network) =>
        network.state_dict().Select(entry => new CheckpointTensor(entry.Key, entry.Value.shape)).ToList();
}
