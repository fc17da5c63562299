using System.Globalization;
using System.Text.Json;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Cli.Commands;

/// <summary>
/// The prompt options of `weakseg suggest`, in the slice's pixel coordinates: --box X0,Y0,X1,Y1;
/// --points "X,Y;X,Y,-" (a trailing "-" makes a click negative); --scribbles FILE, a JSON array of
/// {"classId": 1, "width": 3, "points": [[x, y], …]} (a class other than --class says "not this object").
/// </summary>
internal static class SuggestPromptParser
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static Box2D? Box(string? text, int slice, int classId)
    {
        if (text is null)
        {
            return null;
        }

        var v = Numbers(text, "--box");
        return v.Length == 4 ? new Box2D(v[0], v[1], v[2], v[3], slice, classId) : throw new CliUsageException($"--box must be X0,Y0,X1,Y1, not '{text}'");
    }

    public static IReadOnlyList<LabelPoint> Points(string? text, int slice, int classId)
    {
        if (text is null)
        {
            return [];
        }

        return [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var negative = part.EndsWith(",-", StringComparison.Ordinal);
            var v = Numbers(negative ? part[..^2] : part, "--points");
            return v.Length == 2 ? new LabelPoint(v[0], v[1], slice, classId, !negative) : throw new CliUsageException($"--points takes X,Y or X,Y,- separated by ';', not '{part}'");
        })];
    }

    public static IReadOnlyList<Scribble> Scribbles(string? path, int slice)
    {
        if (path is null)
        {
            return [];
        }

        try
        {
            var strokes = JsonSerializer.Deserialize<ScribbleStroke[]>(File.ReadAllText(path), Json) ?? [];
            return [.. strokes.Select(s => new Scribble([.. s.Points.Select(p => p.Length == 2 ? new PlanePoint(p[0], p[1]) : throw new CliUsageException($"{path}: a scribble point is [x, y]"))], s.Width, slice, s.ClassId))];
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{path} is not a JSON array of scribbles: {e.Message}");
        }
    }

    private static double[] Numbers(string text, string option) =>
        [.. text.Split(',').Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new CliUsageException($"{option}: '{t}' is not a number"))];

    private sealed record ScribbleStroke(int ClassId, double Width, double[][] Points);
}
