namespace WeakSegPortal.Training.Simulation;

/// <summary>Which weak labels a simulated annotator draws.</summary>
[Flags]
public enum WeakLabelKinds
{
    None = 0,
    Scribbles = 1,
    Boxes = 2,
    Points = 4,
    Tags = 8,
    All = Scribbles | Boxes | Points | Tags,
}
