using System.Globalization;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Web.Qa;

/// <summary>Paints a slice's consensus (class colours) and disagreement (heat) as transparent PNG data URIs.</summary>
public static class OverlayImages
{
    public static string Consensus(SliceConsensus slice, IReadOnlyDictionary<int, string> colours)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(colours);
        var rgba = new byte[slice.Grid.Count * 4];
        foreach (var (classId, mask) in slice.ClassConsensus)
        {
            var (r, g, b) = Rgb(colours.GetValueOrDefault(classId, "#ffff00"));
            for (var v = 0; v < mask.Length; v++)
            {
                if (mask[v])
                {
                    (rgba[4 * v], rgba[4 * v + 1], rgba[4 * v + 2], rgba[4 * v + 3]) = (r, g, b, 150);
                }
            }
        }
        return PngEncoder.ToDataUri(PngEncoder.Encode(slice.Grid.Nx, slice.Grid.Ny, rgba));
    }

    /// <summary>Red, more opaque where annotators split more evenly (<see cref="QaFigures.HeatColour"/>); transparent where they agree or nobody voted.</summary>
    public static string Heat(SliceConsensus slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var rgba = new byte[slice.Grid.Count * 4];
        for (var v = 0; v < slice.Disagreement.Length; v++)
        {
            var d = slice.Disagreement[v];
            if (d > 0)
            {
                (rgba[4 * v], rgba[4 * v + 1], rgba[4 * v + 2], rgba[4 * v + 3]) = QaFigures.HeatColour(d);
            }
        }
        return PngEncoder.ToDataUri(PngEncoder.Encode(slice.Grid.Nx, slice.Grid.Ny, rgba));
    }

    private static (byte R, byte G, byte B) Rgb(string hex)
    {
        var s = hex.TrimStart('#');
        return s.Length == 6 && int.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? ((byte)(value >> 16), (byte)(value >> 8), (byte)value)
            : ((byte)255, (byte)255, (byte)0);
    }
}
