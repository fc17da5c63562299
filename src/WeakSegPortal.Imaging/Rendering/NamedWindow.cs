namespace WeakSegPortal.Imaging.Rendering;

/// <summary>A window offered to the annotator under a name ("Lung", "Auto (robust)").</summary>
public sealed record NamedWindow(string Name, WindowLevel Window);
