using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Evaluation;

/// <summary>
/// Runs one object's simulated session against an engine: after the starting prompt (a box, or nothing), the
/// <see cref="ClickSimulator"/> clicks where the mask is most wrong, each click is added to the same object's prompt
/// and the previous low-resolution mask goes back with it (engines that cannot refine give none), until the IoU
/// reaches <c>stopAt</c>, the mask is exact, or the cap of clicks is spent.
/// </summary>
public static class NocRun
{
    /// <summary>NoC's usual cap: an object not reached within 20 clicks has failed.</summary>
    public const int ClickCap = 20;

    public static async Task<ClickTrace> RunAsync(
        ISuggestionEngine engine, SuggestionPrompt start, bool[] truth, double stopAt, CancellationToken cancellationToken, int cap = ClickCap)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(truth);
        var image = start.Image;
        var prompt = start;
        var (mask, lowRes) = (new bool[truth.Length], start.PreviousMask);
        if (start.Box is not null || start.Points.Count > 0 || start.Scribbles.Count > 0)
        {
            var first = await engine.SuggestAsync(start, cancellationToken);
            (mask, lowRes) = (first.Mask, first.LowResMask);
        }

        var ious = new List<double> { Overlap.IoU(mask, truth) };
        var clicks = new List<SimulatedClick>();
        while (ious[^1] < stopAt && clicks.Count < cap && ClickSimulator.Next(truth, mask, image.Width, image.Height) is { } click)
        {
            clicks.Add(click);
            prompt = prompt with
            {
                Points = [.. prompt.Points, new LabelPoint(click.X, click.Y, image.SliceIndex, prompt.ClassId, click.IsPositive)],
                PreviousMask = lowRes,
            };
            var suggestion = await engine.SuggestAsync(prompt, cancellationToken);
            (mask, lowRes) = (suggestion.Mask, suggestion.LowResMask);
            ious.Add(Overlap.IoU(mask, truth));
        }

        return new ClickTrace(ious, clicks);
    }
}
