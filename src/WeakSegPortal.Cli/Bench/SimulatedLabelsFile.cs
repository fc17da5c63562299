using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Cli.Bench;

/// <summary>`annotations.json` of a simulated data set: the classes, the annotators, and per item its files and each annotator's weak labels.</summary>
/// <remarks>Coordinates are voxel indices of the item's image (x, y, slice), as the portal stores them.</remarks>
internal sealed record SimulatedLabelsFile(int Classes, IReadOnlyList<SimulatedAnnotatorEntry> Annotators, IReadOnlyList<SimulatedItemEntry> Items);

/// <summary>One simulated annotator; <see cref="Careless"/> marks the one whose labels are noticeably worse.</summary>
internal sealed record SimulatedAnnotatorEntry(Guid Id, string Name, bool Careless);

/// <summary>One item: its image and label files (relative to the folder), its modality, and what each annotator gave it.</summary>
internal sealed record SimulatedItemEntry(string Name, string Modality, string Image, string Label, IReadOnlyList<SimulatedAnnotationEntry> Annotations);

/// <summary>One annotator's weak labels of one item.</summary>
internal sealed record SimulatedAnnotationEntry(Guid Annotator, WeakLabels Labels);
