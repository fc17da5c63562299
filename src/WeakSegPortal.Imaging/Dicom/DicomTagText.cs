using System.Globalization;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Parses DICOM string values (DS, IS, multi-valued with backslashes) leniently.</summary>
internal static class DicomTagText
{
    public static string Clean(string? value) => (value ?? "").Trim().TrimEnd('\0').Trim();

    public static double[] Numbers(string? value)
    {
        var text = Clean(value);
        if (text.Length == 0)
        {
            return [];
        }

        var parts = text.Split('\\');
        var numbers = new List<double>(parts.Length);
        foreach (var part in parts)
        {
            // A decimal string holds digits only: "NaN", "Infinity" or an overflowing "1e999" is no number (the fuzz suite sent them).
            if (double.TryParse(part.Trim().TrimEnd('\0'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                numbers.Add(number);
            }
            else
            {
                return [];
            }
        }

        return [.. numbers];
    }

    public static double? Number(string? value)
    {
        var numbers = Numbers(value);
        return numbers.Length > 0 ? numbers[0] : null;
    }

    public static int? Integer(string? value)
    {
        var number = Number(value);
        return number is null ? null : (int)Math.Round(number.Value);
    }

    public static Vec3? Position(string? value)
    {
        var n = Numbers(value);
        return n.Length == 3 ? new Vec3(n[0], n[1], n[2]) : null;
    }

    public static (Vec3 Row, Vec3 Column)? Orientation(string? value)
    {
        var n = Numbers(value);
        return n.Length == 6 ? (new Vec3(n[0], n[1], n[2]).Normalized(), new Vec3(n[3], n[4], n[5]).Normalized()) : null;
    }

    /// <summary>PixelSpacing is stored row spacing (y) first, then column spacing (x).</summary>
    public static (double X, double Y)? PixelSpacing(string? value)
    {
        var n = Numbers(value);
        return n.Length == 2 && n[0] > 0 && n[1] > 0 ? (n[1], n[0]) : null;
    }
}
