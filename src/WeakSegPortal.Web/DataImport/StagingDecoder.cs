using System.Diagnostics;
using Microsoft.Extensions.Options;
using WeakSegPortal.Imaging.Staging;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.DataImport;

/// <summary>
/// Decodes a staging folder in a child process (`weakseg stage`), never in the portal: GDCM aborts
/// its process on some damaged files. When the child dies inside a unit, that unit is refused ("the
/// file crashed the image decoder") and the child is started again, leaving out the units already
/// done and the one that crashed, at most <see cref="ImportOptions.MaxDecoderRuns"/> times.
/// </summary>
public sealed class StagingDecoder(IOptions<ImportOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment, ILogger<StagingDecoder> log)
{
    public const string CrashReason = "The file crashed the image decoder (damaged or unsupported data); nothing of it was imported.";

    public async Task<StagingResult> DecodeAsync(string stagingFolder, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var run = new DecoderRunState();
        var skipFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(stagingFolder))!, "skip.txt");
        var blobs = storage.Value.ResolveRoot(environment.ContentRootPath);
        for (var attempt = 1; attempt <= options.Value.MaxDecoderRuns; attempt++)
        {
            await new StageSkipList(run.SkippedUnits, run.SkippedFiles).WriteAsync(skipFile, ct);
            var (finished, stderr) = await RunOnceAsync(["stage", stagingFolder, "--blobs", blobs, "--skip", skipFile], run, progress, ct);
            if (finished)
            {
                break;
            }
            ImportLog.DecoderCrashed(log, attempt, run.CurrentUnit ?? run.CurrentScanFile ?? "(nothing)", stderr);
            if (!run.RefuseWhatCrashed(CrashReason))
            {
                break; // It died before any unit or file: another run would die the same way.
            }
        }
        run.RefuseUnaccounted(stagingFolder, "The image decoder stopped before reaching this file (it crashed repeatedly).");
        return run.ToResult();
    }

    private async Task<(bool Finished, string Stderr)> RunOnceAsync(IEnumerable<string> arguments, DecoderRunState run, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var process = Process.Start(DecoderCommand.Create(options.Value.DecoderPath, arguments))
            ?? throw new InvalidOperationException("The image decoder could not be started.");
        var stderr = ReadTailAsync(process.StandardError, ct);
        var finished = false;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (line.Length == 0 || line[0] != '{')
                {
                    continue;
                }
                var stageEvent = StageEvent.Parse(line);
                if (stageEvent is null)
                {
                    continue;
                }
                finished |= run.Apply(stageEvent);
                if (stageEvent.Event is StageEvent.Plan or StageEvent.Start or StageEvent.Done)
                {
                    progress?.Report(new ImportProgress(ImportPhase.Decoding, run.UnitsDone, run.UnitsTotal, stageEvent.Files is [var first, ..] ? first : null));
                }
            }
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (finished && process.ExitCode == 0, await stderr);
    }

    private static async Task<string> ReadTailAsync(StreamReader reader, CancellationToken ct)
    {
        var text = await reader.ReadToEndAsync(ct);
        return text.Length > 2000 ? text[^2000..] : text;
    }
}
