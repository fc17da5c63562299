namespace WeakSegPortal.ML.Suggestions;

/// <summary>The kinds of prompt an engine can use.</summary>
[Flags]
public enum PromptKinds
{
    None = 0,
    Box = 1,
    Points = 2,
    Scribbles = 4,
    PreviousMask = 8,
}
