namespace WeakSegPortal.Imaging.Staging;

/// <summary>
/// What a re-run of `weakseg stage` leaves out: units already finished or that crashed the decoder
/// (<c>unit ID</c> lines) and files whose header crashed it (<c>file RELATIVE/PATH</c> lines).
/// </summary>
public sealed record StageSkipList(IReadOnlySet<string> Units, IReadOnlySet<string> Files)
{
    public static StageSkipList Empty { get; } = new(new HashSet<string>(), new HashSet<string>());

    public static async Task<StageSkipList> ReadAsync(string path, CancellationToken ct)
    {
        var units = new HashSet<string>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in await System.IO.File.ReadAllLinesAsync(path, ct))
        {
            if (line.StartsWith("unit ", StringComparison.Ordinal))
            {
                units.Add(line[5..]);
            }
            else if (line.StartsWith("file ", StringComparison.Ordinal))
            {
                files.Add(line[5..]);
            }
        }
        return new StageSkipList(units, files);
    }

    public async Task WriteAsync(string path, CancellationToken ct) =>
        await System.IO.File.WriteAllLinesAsync(path, [.. Units.Select(u => "unit " + u), .. Files.Select(f => "file " + f)], ct);
}
