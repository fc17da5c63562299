using System.Text;
using System.Text.Json;

namespace WeakSegPortal.ML.Models;

/// <summary>
/// The self-describing front of a U-Net checkpoint, readable without TorchSharp (the portal checks an uploaded file with it).
/// Layout: the ASCII magic "WEAKSEG-UNET\n", a format version (int32), the JSON <see cref="CheckpointHeader"/> (int32 length,
/// UTF-8), then TorchSharp's own state-dict format (written and read by the Training project's <c>ModelCheckpoint</c>).
/// </summary>
public static class CheckpointFormat
{
    /// <summary>3 since the network's activations are leaky ReLUs and its class head reads the last level before the last one: an older network's weights mean something else.</summary>
    public const int FormatVersion = 3;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("WEAKSEG-UNET\n");

    public static void WriteHeader(BinaryWriter writer, CheckpointHeader header)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        writer.Write(json.Length);
        writer.Write(json);
    }

    /// <summary>Reads the header and leaves the reader at the weights.</summary>
    /// <exception cref="IncompatibleCheckpointException">The file is not a U-Net checkpoint or its header is damaged.</exception>
    public static CheckpointHeader ReadHeader(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new IncompatibleCheckpointException("This is not a WeakSegPortal U-Net checkpoint (it does not begin with the WEAKSEG-UNET header).");
            }
            var version = reader.ReadInt32();
            if (version is 1 or 2)
            {
                throw new IncompatibleCheckpointException($"The checkpoint is in format version {version}, whose network had ReLU activations; this version of the portal reads version {FormatVersion} (leaky ReLUs, the class head before the last one): retrain the model.");
            }
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
}
