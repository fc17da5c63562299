using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Simulation;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>
/// A tiny training data set on the stand-in portal: MR-like organ phantoms (Training/Simulation) of <see cref="Side"/>²
/// pixels and <see cref="Slices"/> slices, served as volumes; "train" items with scribbles and boxes from a simulated crowd
/// (three careful annotators and a careless one, each with a reliability), "validation" items with their exact masks as the
/// gold reference.
/// </summary>
public static class TrainingPhantoms
{
    public const int Side = 64;
    public const int Slices = 5;

    public static readonly IReadOnlyList<TrainingClass> Classes = [new(1, "large organ"), new(2, "small organ")];

    /// <summary>A small network and schedule (180 steps): seconds on two CPU cores. Slices are resampled from 64 to 48 pixels.</summary>
    public static TrainingConfig Config(int epochs = 4) => new()
    {
        Depth = 3, BaseChannels = 8, NeighbourSlices = 1, ImageSide = 48,
        Epochs = epochs, StepsPerEpoch = 45, BatchSize = 4, LearningRate = 3e-3, Seed = 7,
    };

    /// <param name="kinds">What the crowd gives the train items (scribbles and boxes unless said).</param>
    /// <param name="absenceRate">Chance an organ is left out of an item (image tags say something only where some are).</param>
    public static async Task<TrainingDataset> ServeAsync(StandInPortal portal, int trainItems = 4, int validationItems = 2,
        WeakLabelKinds kinds = WeakLabelKinds.Scribbles | WeakLabelKinds.Boxes, double absenceRate = 0)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var jobId = Guid.NewGuid();
        var items = new List<TrainingItem>();
        var crowd = SimulatedCrowd.WithOneCareless();
        var annotators = crowd.Annotators.Select(_ => Guid.NewGuid()).ToList();
        for (var n = 0; n < trainItems + validationItems; n++)
        {
            var phantom = PhantomGenerator.Generate(PhantomOptions.MrLike(Side, Side, Slices) with { AbsenceRate = absenceRate }, seed: 100 + n);
            var hash = await portal.ServeAsync(VolumeOf(phantom));
            if (n < trainItems)
            {
                var labels = crowd.Annotate(phantom, kinds, itemSeed: 1000 + n)
                    .Select((a, k) => new AnnotatorWeakLabels(annotators[k], a.Annotator.Careless ? 0.4 : 0.9, a.Labels))
                    .ToList();
                items.Add(new TrainingItem(Guid.NewGuid(), hash, "MR", TrainingItem.Train, null, labels, null));
            }
            else
            {
                items.Add(new TrainingItem(Guid.NewGuid(), hash, "MR", TrainingItem.Validation, null, [], Gold(phantom)));
            }
        }

        return new TrainingDataset(jobId, Guid.NewGuid(), Classes, items);
    }

    /// <summary>Every class's exact mask on every slice, as accepted masks (run-length coded).</summary>
    public static WeakLabels Gold(Phantom phantom)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        var masks = new List<IMaskShape>();
        for (var k = 0; k < phantom.Grid.Nz; k++)
        {
            foreach (var c in Classes.Select(c => c.Id))
            {
                masks.Add(new SliceMask(Side, Side, MaskRle.Encode(phantom.ClassMask(c, k)), k, c));
            }
        }

        return new WeakLabels { Masks = masks };
    }

    private static Volume VolumeOf(Phantom phantom) =>
        Volume.FromFloat32(
            new VolumeGeometry(phantom.Grid.Nx, phantom.Grid.Ny, phantom.Grid.Nz, new Vec3(1, 1, 2), default, Direction3.Identity),
            new VolumeMetadata { Modality = "MR" }, phantom.Image);
}
