using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Bench;
using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Worker;

/// <summary>
/// What one training job learns from and is measured on, built from its dataset: a training example per labelled axial
/// slice of every "train" item (a single image's item tags label its one slice), and a validation slice per gold-masked slice of every "validation" item. The input is what
/// serving sees (<see cref="NetworkInput"/>: the slice and its neighbours, windowed, at ImageSide); the labels are moved
/// to the network's pixels (<see cref="NetworkLabels"/>) and combined by <see cref="CrowdSliceExample"/>, as the benchmark does
/// (adjudicated labels win, else the annotators' reliability-weighted vote; outside every box is background; the gold masks'
/// areas bound each clicked class's size). <see cref="Kinds"/>: the kinds of supervision those labels hold, which
/// decide the objective (<see cref="SupervisionObjective"/>, the benchmark's rows).
/// </summary>
public sealed class TrainingSet
{
    private TrainingSet(
        IReadOnlyList<TrainingExample> examples, IReadOnlyList<ValidationSlice> validation, IReadOnlyList<Guid> labelledItems, int validationItems,
        IReadOnlyList<BenchSupervision> kinds)
    {
        (Examples, Validation, LabelledItems, ValidationItems, Kinds) = (examples, validation, labelledItems, validationItems, kinds);
    }

    public IReadOnlyList<TrainingExample> Examples { get; }

    public IReadOnlyList<ValidationSlice> Validation { get; }

    /// <summary>The items whose labels the examples came from.</summary>
    public IReadOnlyList<Guid> LabelledItems { get; }

    public int ValidationItems { get; }

    /// <summary>The kinds of supervision in the labels the examples came from (adjudicated labels where given, else the annotators'), in order.</summary>
    public IReadOnlyList<BenchSupervision> Kinds { get; }

    public static async Task<TrainingSet> BuildAsync(
        TrainingDataset dataset, TrainingConfig config, ClassNumbering classes, VolumeCache volumes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(volumes);
        var examples = new List<TrainingExample>();
        var labelled = new List<Guid>();
        var validation = new List<ValidationSlice>();
        var validationItems = 0;
        var kinds = new HashSet<BenchSupervision>();
        // The gold masks first: their areas are the size prior of the training slices (GoldSizePrior, as in the benchmark).
        foreach (var item in dataset.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Role != TrainingItem.Validation || item.Reference is not { } reference)
            {
                continue;
            }

            var volume = await volumes.GetAsync(item.VolumeHash, cancellationToken);
            var before = validation.Count;
            validation.AddRange(ValidationOf(volume, item.Modality, reference, config, classes));
            validationItems += validation.Count > before ? 1 : 0;
        }

        var sizePrior = GoldSizePrior.From(validation.Select(v => new ReadOnlyMemory<byte>(v.Truth)), classes.Channels);
        foreach (var item in dataset.Items.Where(i => i.Role == TrainingItem.Train && (i.Adjudicated is not null || i.Annotators.Count > 0)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var volume = await volumes.GetAsync(item.VolumeHash, cancellationToken);
            var before = examples.Count;
            examples.AddRange(ExamplesOf(volume, item, config, classes, sizePrior));
            if (examples.Count > before)
            {
                labelled.Add(item.ItemId);
                kinds.UnionWith(KindsOf(item, classes));
            }
        }

        if (examples.Count == 0)
        {
            throw new TrainingDataException("No item of the project has a labelled slice to learn from yet.");
        }

        return new TrainingSet(examples, validation, labelled, validationItems, [.. kinds.Order()]);
    }

    /// <summary>The kinds of supervision an item's examples learn from: its adjudicated labels' where given, else every annotator's (classes the dataset lists).</summary>
    private static IEnumerable<BenchSupervision> KindsOf(TrainingItem item, ClassNumbering classes)
    {
        IEnumerable<WeakLabels> all = item.Adjudicated is { } adjudicated ? [adjudicated] : item.Annotators.Select(a => a.Labels);
        return all.SelectMany(labels => SupervisionObjective.KindsOf(classes.Known(labels)));
    }

    private static IEnumerable<TrainingExample> ExamplesOf(
        Volume volume, TrainingItem item, TrainingConfig config, ClassNumbering classes, IReadOnlyDictionary<int, (double Min, double Max)> sizePrior)
    {
        var grid = new Grid(volume.Nx, volume.Ny, volume.Nz);
        var pixels = new NetworkInput(volume, item.Modality, config.ImageSide);
        WeakLabels Network(WeakLabels labels) => NetworkLabels.From(classes.Known(labels), grid, pixels);
        var networkItem = item with
        {
            Adjudicated = item.Adjudicated is { } adjudicated ? Network(adjudicated) : null,
            Annotators = [.. item.Annotators.Select(a => a with { Labels = Network(a.Labels) })],
        };
        var networkGrid = new Grid(config.ImageSide, config.ImageSide, volume.Nz);
        IEnumerable<WeakLabels> all = networkItem.Adjudicated is { } chosen ? [chosen] : networkItem.Annotators.Select(a => a.Labels);
        var slices = all.SelectMany(labels => labels.Scribbles.Select(s => s.Slice)
                .Concat(labels.Points.Select(p => p.Slice))
                .Concat(labels.Boxes.SelectMany(BoxVoxels.AxialSlices))
                .Concat(labels.Masks.SelectMany(m => MaskAnswers.AxialSlices(m, networkGrid)))
                .Concat(labels.Tags.Where(t => t.Slice is not null).Select(t => t.Slice!.Value))
                .Concat(labels.Tags.Where(t => t.Slice is null && volume.Nz == 1).Select(_ => 0)))
            .Where(k => k >= 0 && k < volume.Nz)
            .Distinct()
            .Order();
        foreach (var slice in slices)
        {
            var input = pixels.Channels(slice, config.NeighbourSlices);
            yield return CrowdSliceExample.ForSlice(input, 1 + (2 * config.NeighbourSlices), networkGrid, slice, networkItem.Adjudicated, networkItem.Annotators, classes.Channels, sizePrior);
        }
    }

    private static IEnumerable<ValidationSlice> ValidationOf(Volume volume, string modality, WeakLabels reference, TrainingConfig config, ClassNumbering classes)
    {
        var grid = new Grid(volume.Nx, volume.Ny, volume.Nz);
        var pixels = new NetworkInput(volume, modality, config.ImageSide);
        var gold = NetworkLabels.From(classes.Known(reference), grid, pixels).Masks;
        var plane = new Grid(config.ImageSide, config.ImageSide, volume.Nz);
        var answers = MaskAnswers.Of(gold, plane);
        // Only an axial answer says what every pixel of a slice is; a coronal or sagittal one's row (column) on it counts
        // when it crosses such a slice (later answers win), never a slice of its own.
        foreach (var slice in answers.Where(a => a.Plane == SlicePlane.Axial).Select(a => a.Slice).Distinct().Order())
        {
            var truth = new byte[config.ImageSide * config.ImageSide];
            var answered = MaskAnswers.OnAxialSlice(answers, plane, slice);
            for (var v = 0; v < truth.Length; v++)
            {
                truth[v] = (byte)Math.Max(0, answered[v]);
            }

            yield return new ValidationSlice(pixels.Channels(slice, config.NeighbourSlices), truth);
        }
    }
}
