using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>A prompt from the wire as an engine takes it, on the slice's image.</summary>
internal static class EnginePrompt
{
    public static SuggestionPrompt From(WirePrompt prompt, PromptImage image) => new(image, prompt.ClassId)
    {
        Box = prompt.Box is { } b ? new Box2D(b.X0, b.Y0, b.X1, b.Y1, 0, prompt.ClassId) : null,
        Points = [.. prompt.Points.Select(p => new LabelPoint(p.X, p.Y, 0, prompt.ClassId, p.Positive))],
        Scribbles = [.. prompt.Scribbles.Select(s => new Scribble([.. s.Points.Select(p => new PlanePoint(p[0], p[1]))], s.Width, 0, s.ClassId))],
        SeedMask = prompt.SeedMask?.ToMask(),
    };
}
