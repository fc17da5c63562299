using System.Globalization;
using WeakSegPortal.Training.Bench;

namespace WeakSegPortal.Cli.Bench;

/// <summary>
/// `weakseg bench --dump DIR`, tag case: `tags-maps.tsv`, per training item its first slice's image, truth and each tag's raw
/// class activation map, one line each (item, what, then the values row after row), to study what the classifier marks
/// and to try pseudo-mask rules on the same maps without training again.
/// </summary>
internal static class TagMapsFile
{
    public static void Write(string folder, string caseKey, IReadOnlyList<(BenchItem Item, float[] Maps)> maps)
    {
        Directory.CreateDirectory(folder);
        var lines = new List<string>();
        foreach (var (item, values) in maps)
        {
            var pixels = item.Grid.SliceSize;
            lines.Add(Line(item.Name, "image", item.Image.AsSpan(0, pixels).ToArray()));
            lines.Add(Line(item.Name, "truth", item.Truth.AsSpan(0, pixels).ToArray().Select(t => (float)t).ToArray()));
            for (var t = 0; t < values.Length / pixels; t++)
            {
                lines.Add(Line(item.Name, $"map{t + 1}", values.AsSpan(t * pixels, pixels).ToArray()));
            }
        }
        File.WriteAllLines(Path.Combine(folder, caseKey + "-maps.tsv"), lines);
    }

    private static string Line(string item, string what, float[] values) =>
        item + "\t" + what + "\t" + string.Join('\t', values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));
}
