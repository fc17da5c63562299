using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.ProjectModels;

/// <summary>
/// The "project-model" engine: a project's promoted U-Net (its ONNX export) in an ONNX Runtime session, CUDA when it loads.
/// The slice goes in as training made it (<see cref="NetworkInput"/>); the class probabilities come back resampled to
/// the slice, and the answer is the prompt's class where it wins: inside the box when there is one, otherwise the
/// connected parts that hold a positive click (or a scribble of the class) and no negative one. Score: the mean
/// probability of the class over the answer.
/// </summary>
public sealed class ProjectModelEngine : IDisposable
{
    public const string Name = "project-model";

    /// <summary>The prompts it takes: a box, clicks, scribbles (no previous mask: each answer stands alone).</summary>
    public const PromptKinds Accepts = PromptKinds.Box | PromptKinds.Points | PromptKinds.Scribbles;

    private readonly OpenedSession _session;

    private ProjectModelEngine(OpenedSession session, ModelRef model)
    {
        (_session, Model) = (session, model);
        Descriptor = new EngineDescriptor(Name, model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Accepts);
    }

    public ModelRef Model { get; }

    /// <summary>Name, the model's version number, and the prompts it takes.</summary>
    public EngineDescriptor Descriptor { get; }

    /// <summary>"CUDA" or "CPU".</summary>
    public string ExecutionProvider => _session.Provider;

    /// <summary>Why CUDA was not used, when it was wanted and failed to load.</summary>
    public string? FallbackReason => _session.FallbackReason;

    /// <summary>Opens and checks the model file; one that is not this model's export is refused with <see cref="ModelRefusedException"/>.</summary>
    public static ProjectModelEngine Load(string path, ModelRef model, OnnxSessionFactory sessions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sessions);
        OpenedSession session;
        try
        {
            session = sessions.Open(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelRefusedException($"The project model version {model.Version} ({Path.GetFileName(path)}) is not a loadable ONNX model: {e.Message}", e);
        }
        try
        {
            ProjectModelCheck.Check(session.Session, model);
            return new ProjectModelEngine(session, model);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <param name="prompt">The prompt on the slice, in the slice's pixels.</param>
    /// <param name="input">The slice as the model takes it: <see cref="NetworkInput.Channels"/> at the model's side, with its neighbours.</param>
    public Suggestion Suggest(SuggestionPrompt prompt, float[] input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(input);
        var (channels, side) = (1 + (2 * Model.NeighbourSlices), Model.ImageSide);
        if (input.Length != channels * side * side)
        {
            throw new ArgumentException($"The model takes {channels}×{side}×{side} values, got {input.Length}.", nameof(input));
        }
        if (prompt.ClassId < 1 || prompt.ClassId >= Model.Classes)
        {
            throw new PromptNotSupportedException($"The project model predicts classes 1 to {Model.Classes - 1}; class {prompt.ClassId} is not one of them.");
        }
        var seeds = PromptSeeds.From(prompt);
        if (prompt.Box is null && !Array.Exists(seeds, s => s > 0))
        {
            throw new PromptNotSupportedException("The project model needs a box, a positive click or a scribble of the object's class.");
        }

        var probabilities = Predict(input, channels, side, cancellationToken);
        var (width, height) = (prompt.Image.Width, prompt.Image.Height);
        var classes = ClassMap.Of(probabilities, Model.Classes, side, width, height, prompt.ClassId, out var classProbability);
        var mask = prompt.Box is { } box ? PromptSeeds.InsideBox(classes, box, width, height) : PromptSeeds.KeepSeeded(classes, width, height, seeds);
        var (sum, count) = (0.0, 0);
        for (var n = 0; n < mask.Length; n++)
        {
            if (mask[n])
            {
                (sum, count) = (sum + classProbability[n], count + 1);
            }
        }
        return new Suggestion(Descriptor, width, height, mask, count == 0 ? 0 : sum / count) { ExecutionProvider = ExecutionProvider };
    }

    public void Dispose() => _session.Dispose();

    private float[] Predict(float[] input, int channels, int side, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var feed = new[] { NamedOnnxValue.CreateFromTensor(ProjectModelSignature.Input, new DenseTensor<float>(input, [1, channels, side, side])) };
        using var options = new RunOptions();
        using var stop = cancellationToken.Register(() => options.Terminate = true);
        try
        {
            using var outputs = _session.Session.Run(feed, [ProjectModelSignature.Probabilities], options);
            return outputs[0].AsTensor<float>().ToArray();
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
