using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using WeakSegPortal.Training.Network;

namespace WeakSegPortal.Training.Checkpoints;

/// <summary>Saves a U-Net with a self-describing header and loads it back, refusing an incompatible file with the reason.</summary>
/// <remarks>
/// Layout: the ASCII magic "WEAKSEG-UNET\n", a format version (int32), the JSON <see cref="CheckpointHeader"/> (int32 length,
/// UTF-8), then TorchSharp's own state-dict format. The header lets a refusal name the mismatch (classes, input channels,
/// depth, width, tags, or a tensor's shape) instead of surfacing libtorch's error, and lets a loader build the network
/// before reading any weights.
/// </remarks>
public static class ModelCheckpoint
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("WEAKSEG-UNET\n");

    public static void Save(UNet network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        var header = new CheckpointHeader(network.Options, Describe(network));
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        writer.Write(json.Length);
        writer.Write(json);
        network.save(writer);
        writer.Flush();
    }

    /// <summary>Reads a checkpoint; with <paramref name="expected"/>, also refuses one whose network differs from it.</summary>
    /// <exception cref="IncompatibleCheckpointException">The file is not a U-Net checkpoint, is damaged, or does not fit.</exception>
    public static UNet Load(Stream stream, UNetOptions? expected = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var header = ReadHeader(reader);
        if (expected is not null && Mismatch(header.Network, expected) is { } reason)
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

    /// <summary>Why a network of <paramref name="saved"/> shape cannot serve where <paramref name="expected"/> is needed; null if it can.</summary>
    public static string? Mismatch(UNetOptions saved, UNetOptions expected)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(expected);
        if (saved.Classes != expected.Classes)
            return $"The checkpoint predicts {saved.Classes} classes (background included); this project needs {expected.Classes}.";
        if (saved.InputChannels != expected.InputChannels)
            return $"The checkpoint takes {saved.InputChannels} input channel(s) ({saved.NeighbourSlices} neighbouring slice(s) each side); this training uses {expected.InputChannels}.";
        if (saved.Depth != expected.Depth)
            return $"The checkpoint's U-Net has depth {saved.Depth}; this training uses depth {expected.Depth}.";
        if (saved.BaseChannels != expected.BaseChannels)
            return $"The checkpoint's U-Net has {saved.BaseChannels} base channels; this training uses {expected.BaseChannels}.";
        if (saved.Tags != expected.Tags)
            return $"The checkpoint's tag head predicts {saved.Tags} tag(s); this training needs {expected.Tags}.";
        return null;
    }

    private static CheckpointHeader ReadHeader(BinaryReader reader)
    {
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new IncompatibleCheckpointException("This is not a WeakSegPortal U-Net checkpoint (it does not begin with the WEAKSEG-UNET header).");
            }
            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new IncompatibleCheckpointException($"The checkpoint is in format version {version}; this version of the portal reads version {FormatVersion}.");
            }
            var length = reader.ReadInt32();
            if (length is <= 0 or > 16 << 20)
            {
                throw new IncompatibleCheckpointException($"The checkpoint's header length ({length} bytes) is damaged.");
            }
            var header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadBytes(length))
                ?? throw new IncompatibleCheckpointException("The checkpoint's header is empty.");
            if (header.Network is null || header.Tensors is null)
            {
                throw new IncompatibleCheckpointException("The checkpoint's header does not describe a network and its tensors.");
            }
            header.Network.Validate();
            return header;
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or ArgumentOutOfRangeException)
        {
            throw new IncompatibleCheckpointException($"The checkpoint's header cannot be read: {e.Message}", e);
        }
    }

    private static List<CheckpointTensor> Describe(UNet network) =>
        network.state_dict().Select(entry => new CheckpointTensor(entry.Key, entry.Value.shape)).ToList();
}
