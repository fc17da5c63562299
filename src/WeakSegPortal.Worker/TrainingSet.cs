using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Worker;

/// <summary>
/// What one training job learns from and is measured on, built from its dataset: a training example per labelled axial
/// slice of every "train" item (its labels from <see cref="CrowdTrainingLabels"/>, moved to the network's pixels, with
/// its neighbouring slices as channels: <see cref="NetworkInput"/>), and a validation slice per gold-masked slice of every
/// "validation" item.
/// </summary>
public sealed class TrainingSet
{
    private TrainingSet(IReadOnlyList<TrainingExample> examples, IReadOnlyList<ValidationSlice> validation, IReadOnlyList<Guid> labelledItems, int validationItems)
    {
        (Examples, Validation, LabelledItems, ValidationItems) = (examples, validation, labelledItems, validationItems);
    }

    public IReadOnlyList<TrainingExample> Examples { get; }

    public IReadOnlyList<ValidationSlice> Validation { get; }

    /// <summary>The items whose labels the examples came from.</summary>
    public IReadOnlyList<Guid> LabelledItems { get; }

    public int ValidationItems { get; }

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
        foreach (var item in dataset.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Role == TrainingItem.Train && (item.Adjudicated is not null || item.Annotators.Count > 0))
            {
                var volume = await volumes.GetAsync(item.VolumeHash, cancellationToken);
                var before = examples.Count;
                examples.AddRange(ExamplesOf(volume, item, config, classes));
                if (examples.Count > before)
                {
                    labelled.Add(item.ItemId);
                }
            }
            else if (item.Role == TrainingItem.Validation && item.Reference is { } reference)
            {
                var volume = await volumes.GetAsync(item.VolumeHash, cancellationToken);
                var before = validation.Count;
                validation.AddRange(ValidationOf(volume, item.Modality, reference, config, classes));
                validationItems += validation.Count > before ? 1 : 0;
            }
        }

        if (examples.Count == 0)
        {
            throw new TrainingDataException("No item of the project has a labelled slice to learn from yet.");
        }

        return new TrainingSet(examples, validation, labelled, validationItems);
    }

    private static IEnumerable<TrainingExample> ExamplesOf(Volume volume, TrainingItem item, TrainingConfig config, ClassNumbering classes)
    {
        var input = new NetworkInput(volume, item.Modality, config.ImageSide);
        var grid = new Grid(volume.Nx, volume.Ny, volume.Nz);
        WeakLabels Network(WeakLabels labels) => NetworkLabels.From(classes.Renumber(labels), input);
        var networkItem = item with
        {
            Adjudicated = item.Adjudicated is { } adjudicated ? Network(adjudicated) : null,
            Annotators = [.. item.Annotators.Select(a => a with { Labels = Network(a.Labels) })],
        };
        var networkGrid = new Grid(config.ImageSide, config.ImageSide, volume.Nz);
        // Full masks (polygons, accepted suggestions) of the labels the item is trained on, painted at the slice's size.
        var painted = CrowdTrainingLabels.For(item) is { } chosen ? PaintedChannels(chosen.Masks, grid, classes) : [];
        IEnumerable<WeakLabels> all = item.Adjudicated is { } adjudicatedLabels ? [adjudicatedLabels] : item.Annotators.Select(a => a.Labels);
        var slices = all.SelectMany(labels => labels.Scribbles.Select(s => s.Slice)
            .Concat(labels.Points.Select(p => p.Slice))
            .Concat(labels.Boxes.Select(b => b.Slice))
            .Concat(labels.Masks.Select(m => m.Slice))
            .Concat(labels.Tags.Where(t => t.Slice is not null).Select(t => t.Slice!.Value)))
            .Where(k => k >= 0 && k < volume.Nz)
            .Distinct()
            .Order();
        foreach (var slice in slices)
        {
            var channels = input.Channels(slice, config.NeighbourSlices);
            var example = CrowdTrainingLabels.ForSlice(channels, 1 + (2 * config.NeighbourSlices), networkGrid, slice, networkItem, classes.Channels);
            var labelledClasses = example.LabelledClasses;
            foreach (var (channel, mask) in painted)
            {
                var resampled = input.Resample(mask, slice * grid.SliceSize);
                for (var v = 0; v < resampled.Length; v++)
                {
                    if (resampled[v])
                    {
                        example.Target[v] = channel;
                    }
                }

                labelledClasses[channel] = true;
            }

            yield return example;
        }
    }

    private static IEnumerable<ValidationSlice> ValidationOf(Volume volume, string modality, WeakLabels reference, TrainingConfig config, ClassNumbering classes)
    {
        var input = new NetworkInput(volume, modality, config.ImageSide);
        var grid = new Grid(volume.Nx, volume.Ny, volume.Nz);
        var painted = PaintedChannels(reference.Masks, grid, classes);
        foreach (var slice in reference.Masks.Select(m => m.Slice).Where(k => k >= 0 && k < volume.Nz).Distinct().Order())
        {
            var truth = new byte[config.ImageSide * config.ImageSide];
            foreach (var (channel, mask) in painted)
            {
                var resampled = input.Resample(mask, slice * grid.SliceSize);
                for (var v = 0; v < resampled.Length; v++)
                {
                    if (resampled[v])
                    {
                        truth[v] = (byte)channel;
                    }
                }
            }

            yield return new ValidationSlice(input.Channels(slice, config.NeighbourSlices), truth);
        }
    }

    /// <summary>Each class's painted voxels (full masks: polygons, accepted masks, brush), by channel.</summary>
    private static List<(int Channel, bool[] Mask)> PaintedChannels(IReadOnlyList<IMaskShape> masks, Grid grid, ClassNumbering classes) =>
        [.. masks.Select(m => m.ClassId).Distinct()
            .Where(c => classes.ChannelOf(c) > 0)
            .Select(c => (classes.ChannelOf(c), WeakLabelRasterizer.Painted(masks, c, grid)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.Item1, p.Item2!))];
}
