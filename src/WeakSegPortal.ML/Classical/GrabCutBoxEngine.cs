using WeakSegPortal.ML.Intensity;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Classical;

/// <summary>
/// Box → GrabCut: outside the box is background, inside probably the object; clicks and scribbles inside
/// it become definite seeds. After the modality window, contrast is stretched to the box's own grey levels. Works on the box grown by 30 % (the local background is what matters) and keeps
/// the largest component, or the ones holding a positive seed.
/// </summary>
public sealed class GrabCutBoxEngine : ISuggestionEngine
{
    public const string Name = "grabcut-box";

    public EngineDescriptor Descriptor { get; } = new(Name, "1", PromptKinds.Box | PromptKinds.Points | PromptKinds.Scribbles);

    public Task<Suggestion> SuggestAsync(SuggestionPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.SeedMask is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(SeedMaskCut.Suggest(Descriptor, prompt));
        }
        var box = prompt.Box ?? throw new PromptNotSupportedException($"{Name} needs a box; for clicks or scribbles alone use {SeededGrabCutEngine.Name}.");
        cancellationToken.ThrowIfCancellationRequested();
        var (width, height) = (prompt.Image.Width, prompt.Image.Height);
        var seeds = SeedMap.From(prompt);
        var inner = PixelRegion.Covered(box, width, height);
        var grey = LocalContrast.StretchTo(ModalityWindow.ToGrey8(prompt.Image), width, inner);
        var region = PixelRegion.Grown(inner, 0.3, 8, width, height);
        var labels = InitialLabels.FromBox(width, height, inner, seeds);
        var mask = GrabCutRegion.Segment(grey, width, height, labels, region);
        mask = MaskComponents.KeepSeeded(mask, width, height, seeds);
        var score = SeparationScore.Of(grey, mask, width, region);
        return Task.FromResult(new Suggestion(Descriptor, width, height, mask, score) { ExecutionProvider = "OpenCV" });
    }
}
