namespace WeakSegPortal.Core.Labels;

/// <summary>A full mask of one slice: <see cref="MaskRle"/>'s run lengths (row-major, x fastest, starting with unset pixels).</summary>
public sealed record ExchangeMask(int Width, int Height, IReadOnlyList<int> Counts);
