using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker;

/// <summary>
/// The project's classes as the network's output channels: channel c is class id c (background 0), as the "project-model"
/// engine reads them, so the network has the highest class id + 1 outputs (a gap in the ids is a channel nobody labels).
/// Labels of a class the dataset does not list are dropped.
/// </summary>
public sealed class ClassNumbering
{
    private readonly HashSet<int> _ids = [0];

    public ClassNumbering(IReadOnlyList<TrainingClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0)
        {
            throw new TrainingDataException("The project has no classes to train.");
        }

        foreach (var projectClass in classes)
        {
            if (projectClass.Id is <= 0 or > 255 || !_ids.Add(projectClass.Id))
            {
                throw new TrainingDataException($"The dataset's class ids must be distinct and within 1–255 ({projectClass.Id} is not).");
            }
        }

        HighestClassId = classes.Max(c => c.Id);
    }

    public int HighestClassId { get; }

    /// <summary>Network outputs: background and every class id up to the highest.</summary>
    public int Channels => HighestClassId + 1;

    /// <summary>The labels without classes the dataset does not list.</summary>
    public WeakLabels Known(WeakLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels with
        {
            Boxes = [.. labels.Boxes.Where(b => _ids.Contains(b.ClassId))],
            Scribbles = [.. labels.Scribbles.Where(s => _ids.Contains(s.ClassId))],
            Points = [.. labels.Points.Where(p => _ids.Contains(p.ClassId))],
            Tags = [.. labels.Tags.Where(t => t.ClassId > 0 && _ids.Contains(t.ClassId))],
            Masks = [.. labels.Masks.Where(m => _ids.Contains(m.ClassId))],
        };
    }
}
