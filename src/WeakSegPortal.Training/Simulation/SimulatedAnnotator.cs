using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>One member of the simulated crowd: draws the asked kinds of weak labels from the truth, with the profile's noise.</summary>
/// <remarks>
/// Per slice and present class: a scribble inside it and background strokes around it, a box, clicks, and a tag; on a slice
/// where the annotator scribbled some organ, also a background loop over the rest of the slice; a class
/// the annotator misses (<see cref="AnnotatorProfile.MissRate"/>) gets none of these on the item. Tags cover every class
/// (present or absent); a flipped tag (<see cref="AnnotatorProfile.TagFlipRate"/>) says the opposite. A single image gets
/// item tags; a stack gets one tag per slice.
/// </remarks>
public sealed class SimulatedAnnotator(AnnotatorProfile profile)
{
    private const int BackgroundStream = 0x0b6;

    public AnnotatorProfile Profile { get; } = profile ?? throw new ArgumentNullException(nameof(profile));

    public WeakLabels Annotate(Phantom phantom, WeakLabelKinds kinds, int seed, IReadOnlyList<int>? slices = null)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        var random = new SeededRandom(seed);
        var background = new SeededRandom(SeededRandom.Mix(seed, BackgroundStream)); // its own stream: the other labels stay as they were
        var missed = Enumerable.Range(0, phantom.Present.Count).Select(c => c > 0 && random.Chance(Profile.MissRate)).ToArray();
        var (scribbles, boxes, points, tags) = (new List<Scribble>(), new List<Box2D>(), new List<LabelPoint>(), new List<Tag>());
        foreach (var k in slices ?? Enumerable.Range(0, phantom.Grid.Nz).ToArray())
        {
            var slice = new SliceAnatomy(phantom, k);
            for (var c = 1; c < phantom.Present.Count; c++)
            {
                if (kinds.HasFlag(WeakLabelKinds.Tags) && !missed[c])
                {
                    tags.Add(new Tag(c, slice.Has(c) ^ random.Chance(Profile.TagFlipRate), phantom.Grid.IsPlanar ? null : k));
                }
                if (missed[c] || !slice.Has(c))
                {
                    continue;
                }
                if (kinds.HasFlag(WeakLabelKinds.Scribbles))
                {
                    scribbles.AddRange(SimulatedScribbles.Inside(slice, c, Profile, random));
                    scribbles.AddRange(SimulatedScribbles.Around(slice, c, Profile, random));
                }
                if (kinds.HasFlag(WeakLabelKinds.Boxes))
                {
                    boxes.Add(SimulatedBoxes.Around(slice, c, Profile, random));
                }
                if (kinds.HasFlag(WeakLabelKinds.Points))
                {
                    points.AddRange(SimulatedPoints.On(slice, c, Profile, random));
                }
            }
            if (kinds.HasFlag(WeakLabelKinds.Points))
            {
                points.AddRange(SimulatedPoints.On(slice, 0, Profile, random));
            }
            if (kinds.HasFlag(WeakLabelKinds.Scribbles) && Enumerable.Range(1, phantom.Present.Count - 1).Any(c => !missed[c] && slice.Has(c)))
            {
                scribbles.AddRange(SimulatedScribbles.Background(slice, Profile, background));
            }
        }
        return new WeakLabels { Scribbles = scribbles, Boxes = boxes, Points = points, Tags = phantom.Grid.IsPlanar ? tags.DistinctBy(t => t.ClassId).ToList() : tags };
    }
}
