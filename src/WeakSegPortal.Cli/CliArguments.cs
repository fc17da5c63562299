namespace WeakSegPortal.Cli;

/// <summary>Positional arguments and --name value options; small enough that a parser library would not earn its weight.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public static CliArguments Parse(IEnumerable<string> args)
    {
        var parsed = new CliArguments();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    parsed._options[name[..eq]] = name[(eq + 1)..];
                }
                else if (e.MoveNext())
                {
                    parsed._options[name] = e.Current;
                }
                else
                {
                    throw new CliUsageException($"option --{name} needs a value");
                }
            }
            else
            {
                parsed._positional.Add(arg);
            }
        }

        return parsed;
    }

    public string Positional(int index, string what) =>
        index < _positional.Count ? _positional[index] : throw new CliUsageException($"missing {what}");

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string RequiredOption(string name) => Option(name) ?? throw new CliUsageException($"missing --{name}");

    public int? IntOption(string name) =>
        Option(name) is { } text
            ? int.TryParse(text, out var value) ? value : throw new CliUsageException($"--{name} must be an integer, not '{text}'")
            : null;

    public double? DoubleOption(string name) =>
        Option(name) is { } text
            ? double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new CliUsageException($"--{name} must be a number, not '{text}'")
            : null;
}
