using System.Text.Json;
using WeakSegPortal.Cli.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Cli.Commands;

/// <summary>`weakseg agreement LABELS.json [--format csv|json]`: the QA desk's agreement report from a weak-label file, offline.</summary>
internal static class AgreementCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        var path = args.Positional(0, "LABELS.json");
        var format = args.Option("format") ?? "csv";
        if (format is not ("csv" or "json"))
        {
            throw new CliUsageException($"--format is csv or json, not '{format}'");
        }
        WeakLabelFile file;
        try
        {
            await using var json = File.OpenRead(path);
            file = await WeakLabelFile.ReadAsync(json, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new CliRefusedException($"{path} is not a weak-label file (docs/weak-label-format.md): {e.Message}");
        }
        OfflineAgreementReport report;
        try
        {
            report = OfflineAgreementReport.Of(file, ct);
        }
        catch (InvalidDataException e)
        {
            throw new CliRefusedException($"{path}: {e.Message}");
        }
        await stdout.WriteAsync(format == "csv" ? report.ToCsv() : JsonSerializer.Serialize(report, WeakLabelFile.Json));
        return 0;
    }
}
