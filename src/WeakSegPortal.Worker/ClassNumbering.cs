using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker;

/// <summary>
/// The project's class ids as the network's output channels: background is channel 0 and the dataset's classes follow in
/// its order (channel n is <see cref="TrainingDataset.Classes"/>[n − 1]). Labels of a class the dataset does not list are dropped.
/// </summary>
public sealed class ClassNumbering
{
    private readonly Dictionary<int, int> _channels = new() { [0] = 0 };

    public ClassNumbering(IReadOnlyList<TrainingClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0)
        {
            throw new TrainingDataException("The project has no classes to train.");
        }

        foreach (var (projectClass, n) in classes.Select((c, n) => (c, n)))
        {
            if (projectClass.Id <= 0 || !_channels.TryAdd(projectClass.Id, n + 1))
            {
                throw new TrainingDataException($"The dataset's class ids must be positive and distinct ({projectClass.Id} is not).");
            }
        }

        ProjectClasses = classes.Count;
    }

    /// <summary>Classes of the project (background not counted).</summary>
    public int ProjectClasses { get; }

    /// <summary>Network outputs: background and every class.</summary>
    public int Channels => ProjectClasses + 1;

    /// <summary>The channel of a project class id, or −1 when the dataset does not list it.</summary>
    public int ChannelOf(int classId) => _channels.TryGetValue(classId, out var channel) ? channel : -1;

    /// <summary>The labels with class ids turned into channels (full masks are kept as they are: they are painted by project id).</summary>
    public WeakLabels Renumber(WeakLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels with
        {
            Boxes = [.. labels.Boxes.Where(b => ChannelOf(b.ClassId) >= 0).Select(b => b with { ClassId = ChannelOf(b.ClassId) })],
            Scribbles = [.. labels.Scribbles.Where(s => ChannelOf(s.ClassId) >= 0).Select(s => s with { ClassId = ChannelOf(s.ClassId) })],
            Points = [.. labels.Points.Where(p => ChannelOf(p.ClassId) >= 0).Select(p => p with { ClassId = ChannelOf(p.ClassId) })],
            Tags = [.. labels.Tags.Where(t => ChannelOf(t.ClassId) > 0).Select(t => t with { ClassId = ChannelOf(t.ClassId) })],
        };
    }
}
