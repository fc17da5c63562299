using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.ML.Suggestions;

/// <summary>
/// What the annotator gave for one object on one slice, in the slice's pixel coordinates (centres at
/// integers). Scribbles of <see cref="ClassId"/> are foreground, scribbles of any other class (the
/// background class included) say "not this object"; points carry their own sign.
/// </summary>
public sealed record SuggestionPrompt(PromptImage Image, int ClassId)
{
    public Box2D? Box { get; init; }

    public IReadOnlyList<LabelPoint> Points { get; init; } = [];

    public IReadOnlyList<Scribble> Scribbles { get; init; } = [];

    /// <summary>The previous suggestion's low-resolution logits for this object, so a new click refines it.</summary>
    public LowResMask? PreviousMask { get; init; }

    /// <summary>
    /// Propagation (docs/suggestion-protocol.md, "Propagation"): the neighbouring slice's mask of this object (Width × Height,
    /// x fastest). Classical engines seed GrabCut with it, dilated; SAM-family engines take its box (<see cref="Box"/>) and
    /// the previous slice's low-resolution mask (<see cref="PreviousMask"/>, when the worker kept it; else this mask made
    /// into one, <see cref="Sam.SamMaskInput"/>) as mask_input.
    /// </summary>
    public bool[]? SeedMask { get; init; }
}
