using TorchSharp;
using WeakSegPortal.Training.Losses;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Learning;

/// <summary>Examples stacked into tensors for one step; boxes and size bounds renumbered to their place in the batch.</summary>
public sealed class TrainingBatch : IDisposable
{
    private TrainingBatch(Tensor input, Tensor target, Tensor labelledClasses, Tensor tags, Tensor absentClasses,
        IReadOnlyList<TrainingBox> boxes, IReadOnlyList<SizeBounds> sizes, IReadOnlyList<TrainingLine> lines)
    {
        (Input, Target, LabelledClasses, Tags, AbsentClasses, Boxes, Sizes, Lines) = (input, target, labelledClasses, tags, absentClasses, boxes, sizes, lines);
    }

    /// <summary>[batch, channels, height, width].</summary>
    public Tensor Input { get; }

    /// <summary>[batch, height, width] class ids or <see cref="PartialCrossEntropy.Ignore"/>.</summary>
    public Tensor Target { get; }

    /// <summary>[batch, classes] booleans.</summary>
    public Tensor LabelledClasses { get; }

    /// <summary>[batch, classes − 1]: 1, 0 or <see cref="TagClassificationLoss.Unknown"/>.</summary>
    public Tensor Tags { get; }

    /// <summary>[batch, classes] booleans: class tagged absent (background never).</summary>
    public Tensor AbsentClasses { get; }

    public IReadOnlyList<TrainingBox> Boxes { get; }

    public IReadOnlyList<SizeBounds> Sizes { get; }

    /// <summary>Rows and columns of boxes drawn on coronal or sagittal planes (<see cref="TrainingLine"/>).</summary>
    public IReadOnlyList<TrainingLine> Lines { get; }

    public bool HasTags { get; private init; }

    /// <param name="device">Where the tensors live (the network's device); the CPU when null.</param>
    public static TrainingBatch From(IReadOnlyList<TrainingExample> examples, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one example.", nameof(examples));
        }
        var first = examples[0];
        if (examples.Any(e => e.Channels != first.Channels || e.Width != first.Width || e.Height != first.Height || e.Classes != first.Classes))
        {
            throw new ArgumentException("Every example of a batch must have the same channels, size and classes.", nameof(examples));
        }
        long b = examples.Count;
        var input = Owned(tensor(examples.SelectMany(e => e.Input).ToArray(), [b, first.Channels, first.Height, first.Width]), device);
        var target = Owned(tensor(examples.SelectMany(e => e.Target).ToArray(), [b, first.Height, first.Width]), device);
        var labelled = Owned(tensor(examples.SelectMany(e => e.LabelledClasses).ToArray(), [b, first.Classes]), device);
        var tagValues = examples.SelectMany(e => e.Tags).ToArray();
        var tags = Owned(tensor(tagValues, [b, first.Classes - 1]), device);
        var absent = Owned(tensor(examples.SelectMany(e => e.Tags.Select(t => t == 0).Prepend(false)).ToArray(), [b, first.Classes]), device);
        var boxes = examples.SelectMany((e, n) => e.Boxes.Select(box => box with { Image = n })).ToList();
        var sizes = examples.SelectMany((e, n) => e.Sizes.Select(size => size with { Image = n })).ToList();
        var lines = examples.SelectMany((e, n) => (e.Lines ?? []).Select(line => line with { Image = n })).ToList();
        return new TrainingBatch(input, target, labelled, tags, absent, boxes, sizes, lines)
        {
            HasTags = tagValues.Any(t => t != TagClassificationLoss.Unknown),
        };
    }

    /// <summary>A copy in libtorch's own memory (on the device, when one other than the CPU is given).</summary>
    /// <remarks>
    /// A tensor made from a managed array may keep reading that array; its temporary array here becomes garbage at once.
    /// (The NaN first-step gradients once blamed on this came from oneDNN, see <see cref="Network.OneDnnConvolutions"/>.)
    /// </remarks>
    private static Tensor Owned(Tensor borrowed, Device? device)
    {
        using (borrowed)
        {
            return device is null || device.type == DeviceType.CPU ? borrowed.clone() : borrowed.to(device);
        }
    }

    public void Dispose()
    {
        Input.Dispose();
        Target.Dispose();
        LabelledClasses.Dispose();
        Tags.Dispose();
        AbsentClasses.Dispose();
    }
}
