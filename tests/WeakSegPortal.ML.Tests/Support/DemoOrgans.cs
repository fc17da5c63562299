using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Tests.Support;

/// <summary>
/// The portal's demo items as the seeding makes them (192², 24 slices; seeds 1–3 CT, seed 4 MR), cut at the middle
/// axial slice, one entry per organ present there. Generated once per test run: the volumes take a second.
/// </summary>
public static class DemoOrgans
{
    public const int Size = 192;
    public const int Slices = 24;
    public const int Slice = Slices / 2;

    private static readonly Lazy<IReadOnlyList<DemoOrgan>> All = new(Create);

    public static IReadOnlyList<DemoOrgan> Cases => All.Value;

    private static List<DemoOrgan> Create()
    {
        var organs = new List<DemoOrgan>();
        for (var seed = 1; seed <= 4; seed++)
        {
            var generator = new DemoVolumeGenerator(seed);
            var demo = seed == 4 ? generator.CreateMr(Size, Slices) : generator.CreateCt(Size, Slices);
            var caseName = $"demo-{demo.Name}-{seed:00}";
            var image = PromptImage.FromVolume(caseName, demo.Image, SliceOrientation.Axial, Slice);
            var labels = SliceExtractor.Extract(demo.Labels, SliceOrientation.Axial, Slice).Values;
            foreach (var (id, organ) in DemoVolumeGenerator.LabelNames)
            {
                var truth = Array.ConvertAll(labels, v => (int)v == id);
                if (Array.Exists(truth, t => t))
                {
                    organs.Add(new DemoOrgan(caseName, organ, id, image, truth));
                }
            }
        }

        return organs;
    }
}
