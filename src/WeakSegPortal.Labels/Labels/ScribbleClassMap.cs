namespace WeakSegPortal.Core.Labels;

/// <summary>Rasterises all of an annotator's scribbles into one class id per voxel (-1 where none).</summary>
/// <remarks>Used to find class conflicts between annotators; a later scribble overwrites an earlier one.</remarks>
public static class ScribbleClassMap
{
    public const int Unlabelled = -1;

    public static int[] Rasterize(IReadOnlyList<Scribble> scribbles, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(scribbles);
        ArgumentNullException.ThrowIfNull(grid);
        var map = new int[grid.Count];
        map.AsSpan().Fill(Unlabelled);
        foreach (var scribble in scribbles)
        {
            var classId = scribble.ClassId;
            ScribbleRasterizer.Visit(scribble, grid, index => map[index] = classId);
        }

        return map;
    }
}
