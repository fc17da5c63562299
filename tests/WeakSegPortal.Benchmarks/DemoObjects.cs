using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// The portal's demo items as seeded (192², 24 slices; seeds 1–3 CT, seed 4 MR), cut at several axial slices,
/// one object per organ present there with at least <see cref="MinimumArea"/> pixels (a few-pixel sliver at an
/// organ's tip is not something an annotator would click on).
/// </summary>
internal static class DemoObjects
{
    public const int Size = 192;
    public const int Slices = 24;
    public const int MinimumArea = 20;

    public static List<DemoObject> Create(IReadOnlyList<int> slices)
    {
        var objects = new List<DemoObject>();
        for (var seed = 1; seed <= 4; seed++)
        {
            var generator = new DemoVolumeGenerator(seed);
            var demo = seed == 4 ? generator.CreateMr(Size, Slices) : generator.CreateCt(Size, Slices);
            var caseName = $"demo-{demo.Name}-{seed:00}";
            foreach (var slice in slices)
            {
                var image = PromptImage.FromVolume(caseName, demo.Image, SliceOrientation.Axial, slice);
                var labels = SliceExtractor.Extract(demo.Labels, SliceOrientation.Axial, slice).Values;
                foreach (var (id, organ) in DemoVolumeGenerator.LabelNames)
                {
                    var truth = Array.ConvertAll(labels, v => (int)v == id);
                    if (truth.Count(t => t) >= MinimumArea)
                    {
                        objects.Add(new DemoObject(caseName, organ, id, image, truth));
                    }
                }
            }
        }

        return objects;
    }
}
