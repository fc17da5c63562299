using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests;

/// <summary>Builds small masks from pictures: '#' set, '.' clear, '?' unknown (three-state maps only).</summary>
internal static class MaskPicture
{
    public static bool[] Mask(params string[] rows) => [.. string.Concat(rows).Select(c => c == '#')];

    public static byte[] States(params string[] rows) =>
    [
        .. string.Concat(rows).Select(c => c switch
        {
            '#' => (byte)LabelState.Positive,
            '.' => (byte)LabelState.Negative,
            _ => (byte)LabelState.Unknown,
        }),
    ];

    public static Grid GridOf(params string[] rows) => Grid.Planar(rows[0].Length, rows.Length);
}
