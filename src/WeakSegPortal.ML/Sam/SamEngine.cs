using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Intensity;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Sam;

/// <summary>
/// A SAM-family engine over an encoder/decoder ONNX pair. The embedding of a slice is looked up by slice, then by
/// content, and encoded only when both miss, so a click on a ready slice runs the decoder alone. A previous
/// low-resolution mask goes back as mask_input with has_mask_input = 1, so further clicks refine the same object.
/// A propagation step (<see cref="SuggestionPrompt.SeedMask"/>) sends the previous slice's box and, as mask_input, that
/// slice's low-resolution mask: the decoder's own (<see cref="SuggestionPrompt.PreviousMask"/>) when the worker kept it,
/// else the seed mask itself (<see cref="SamMaskInput"/>). Box-only families (MedSAM) get the box alone.
/// </summary>
public sealed class SamEngine : ISuggestionEngine, IDisposable
{
    private readonly OpenedSession _encoder;
    private readonly OpenedSession _decoder;
    private readonly string _encoderInput;
    private readonly string _encoderOutput;
    private readonly IEmbeddingCache _cache;

    private SamEngine(string name, SamModelOptions options, OpenedSession encoder, OpenedSession decoder, string encoderInput, string encoderOutput, IEmbeddingCache cache)
    {
        Profile = SamFamilyProfile.For(options.Family);
        var version = options.Version ?? ModelFileHash.Of(options.EncoderPath, options.DecoderPath);
        Descriptor = new EngineDescriptor(name, version, Profile.BoxOnly ? PromptKinds.Box : PromptKinds.Box | PromptKinds.Points | PromptKinds.PreviousMask);
        (_encoder, _decoder, _encoderInput, _encoderOutput, _cache) = (encoder, decoder, encoderInput, encoderOutput, cache);
    }

    public EngineDescriptor Descriptor { get; }

    public SamFamilyProfile Profile { get; }

    /// <summary>"CUDA" when both sessions run on the GPU, else "CPU".</summary>
    public string ExecutionProvider => _encoder.Provider == "CUDA" && _decoder.Provider == "CUDA" ? "CUDA" : "CPU";

    /// <summary>Why CUDA was not used, when it was wanted and failed to load.</summary>
    public string? FallbackReason => _encoder.FallbackReason ?? _decoder.FallbackReason;

    private string ModelId => $"{Descriptor.Name}:{Descriptor.Version}";

    /// <summary>Opens and checks both files; a file with the wrong inputs or outputs is refused with <see cref="ModelRefusedException"/>.</summary>
    public static SamEngine Load(string name, SamModelOptions options, OnnxSessionFactory sessions, IEmbeddingCache cache)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sessions);
        var profile = SamFamilyProfile.For(options.Family);
        foreach (var path in new[] { options.EncoderPath, options.DecoderPath })
        {
            if (!File.Exists(path))
            {
                throw new ModelRefusedException($"The {options.Family} model file {path} does not exist.");
            }
        }

        var encoder = OpenChecked(sessions, options.EncoderPath);
        try
        {
            var (input, output) = SamModelSignature.CheckEncoder(encoder.Session, profile, options.EncoderPath);
            var decoder = OpenChecked(sessions, options.DecoderPath);
            try
            {
                SamModelSignature.CheckDecoder(decoder.Session, profile, options.DecoderPath);
                return new SamEngine(name, options, encoder, decoder, input, output, cache);
            }
            catch
            {
                decoder.Dispose();
                throw;
            }
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    public Task<Suggestion> SuggestAsync(SuggestionPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var image = prompt.Image;
        var frame = SamFrame.For(Profile, image.Width, image.Height);
        var decoderPrompt = SamPromptEncoder.Encode(prompt, Profile, frame);
        var maskInput = MaskInput(prompt, frame);
        var (embedding, source) = Embed(image, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var origSize = Profile.KeepsAspectRatio ? new float[] { image.Height, image.Width } : [frame.InputSize, frame.InputSize];
        var m = Profile.MaskInputSize;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor(SamModelSignature.EmbeddingsName, new DenseTensor<float>(embedding.Values, embedding.Shape)),
            NamedOnnxValue.CreateFromTensor("point_coords", new DenseTensor<float>(decoderPrompt.Coords, [1, decoderPrompt.Count, 2])),
            NamedOnnxValue.CreateFromTensor("point_labels", new DenseTensor<float>(decoderPrompt.Labels, [1, decoderPrompt.Count])),
            NamedOnnxValue.CreateFromTensor("mask_input", new DenseTensor<float>(maskInput.Logits, [1, 1, m, m])),
            NamedOnnxValue.CreateFromTensor("has_mask_input", new DenseTensor<float>(new[] { maskInput.Has }, [1])),
            NamedOnnxValue.CreateFromTensor("orig_im_size", new DenseTensor<float>(origSize, [2])),
        };
        using var outputs = Run(_decoder.Session, inputs, cancellationToken);
        var masks = outputs.First(o => o.Name == "masks").AsTensor<float>();
        var iou = outputs.First(o => o.Name == "iou_predictions").AsTensor<float>().ToArray();
        var lowRes = outputs.First(o => o.Name == "low_res_masks").AsTensor<float>();
        var best = SamMaskPostprocessor.Best(iou);
        var (mh, mw) = (masks.Dimensions[2], masks.Dimensions[3]);
        var logits = masks.ToArray().AsSpan(best * mh * mw, mh * mw);
        var mask = SamMaskPostprocessor.ToSliceMask(logits, mw, mh, frame);
        var lowSize = lowRes.Dimensions[3];
        var lowLogits = lowRes.ToArray().AsSpan(best * lowSize * lowSize, lowSize * lowSize).ToArray();
        return Task.FromResult(new Suggestion(Descriptor, image.Width, image.Height, mask, iou[best])
        {
            LowResMask = new LowResMask(lowSize, lowLogits),
            ExecutionProvider = ExecutionProvider,
            Embedding = source,
        });
    }

    /// <summary>Computes (or finds) the slice's embedding without decoding: what the worker runs ahead of the annotator.</summary>
    public (ImageEmbedding Embedding, EmbeddingSource Source) Embed(PromptImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var key = new EmbeddingKey(ModelId, image.ItemId, image.Orientation, image.SliceIndex);
        if (_cache.TryGet(key, out var cached))
        {
            return (cached, EmbeddingSource.Memory);
        }

        var input = SamImagePreprocessor.Prepare(Profile, ModalityWindow.ToGrey8(image), image.Width, image.Height);
        var contentHash = ContentHash(input);
        if (_cache.TryGetByContent(contentHash, out var stored))
        {
            _cache.Put(key, contentHash, stored);
            return (stored, EmbeddingSource.Disk);
        }

        var size = Profile.InputSize;
        var feed = new[] { NamedOnnxValue.CreateFromTensor(_encoderInput, new DenseTensor<float>(input.Pixels, [1, 3, size, size])) };
        using var outputs = Run(_encoder.Session, feed, cancellationToken);
        var tensor = outputs.First(o => o.Name == _encoderOutput).AsTensor<float>();
        var embedding = new ImageEmbedding(tensor.Dimensions.ToArray(), tensor.ToArray());
        _cache.Put(key, contentHash, embedding);
        return (embedding, EmbeddingSource.Encoded);
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }

    private static OpenedSession OpenChecked(OnnxSessionFactory sessions, string path)
    {
        try
        {
            return sessions.Open(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelRefusedException($"{Path.GetFileName(path)} is not a loadable ONNX model: {e.Message}", e);
        }
    }

    private static IDisposableReadOnlyCollection<DisposableNamedOnnxValue> Run(InferenceSession session, IReadOnlyCollection<NamedOnnxValue> inputs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var options = new RunOptions();
        using var stop = cancellationToken.Register(() => options.Terminate = true);
        try
        {
            return session.Run(inputs, [.. session.OutputMetadata.Keys], options);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private string ContentHash(SamEncoderInput input)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(ModelId));
        hash.AppendData(MemoryMarshal.AsBytes(input.Pixels.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private (float[] Logits, float Has) MaskInput(SuggestionPrompt prompt, SamFrame frame)
    {
        var size = Profile.MaskInputSize;
        if (prompt.PreviousMask is { } previous)
        {
            return previous.Size == size && previous.Logits.Length == size * size
                ? (previous.Logits, 1)
                : throw new PromptNotSupportedException($"The previous mask is {previous.Size}², but {Profile.Family} refines from {size}² low-resolution masks.");
        }

        if (prompt.SeedMask is { } seed && !Profile.BoxOnly)
        {
            return seed.Length == frame.Width * frame.Height
                ? (SamMaskInput.FromSliceMask(seed, frame, Profile), 1)
                : throw new PromptNotSupportedException($"The previous slice's mask has {seed.Length} pixels; this slice has {frame.Width}×{frame.Height}.");
        }

        return (new float[size * size], 0);
    }
}
