using System.Diagnostics;
using Microsoft.Extensions.Options;
using WeakSegPortal.Imaging.Staging;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.DataImport;

/// <summary>
/// Decodes a staging folder in a child process (`weakseg stage`), never in the portal: GDCM aborts
/// its process on some damaged files. When the child dies inside a unit, or stays silent on one longer
/// than <see cref="ImportOptions.DecodeTimeout"/> (it is then killed), that unit is refused ("the
/// file crashed the image decoder", "decoding took longer than …") and the child is started again,
/// leaving out the units already done and the one that failed, at most
/// <see cref="ImportOptions.MaxDecoderRuns"/> times.
/// </summary>
public sealed class StagingDecoder(IOptions<ImportOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment, ImportMetrics metrics, ILogger<StagingDecoder> log)
{
    public const string CrashReason = "The file crashed the image decoder (damaged or unsupported data); nothing of it was imported.";

    /// <summary>The start of the reason given to a unit the decoder was stopped on (the limit follows).</summary>
    public const string TimeoutReasonStart = "Decoding took longer than";

    public static string TimeoutReason(TimeSpan limit) =>
        $"{TimeoutReasonStart} {limit.TotalSeconds:0.#} s and was stopped (damaged or unsupported data); nothing of it was imported.";

    public async Task<StagingResult> DecodeAsync(string stagingFolder, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var run = new DecoderRunState();
        var skipFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(stagingFolder))!, "skip.txt");
        var blobs = storage.Value.ResolveRoot(environment.ContentRootPath);
        var limit = options.Value.DecodeTimeout;
        for (var attempt = 1; attempt <= options.Value.MaxDecoderRuns; attempt++)
        {
            await new StageSkipList(run.SkippedUnits, run.SkippedFiles).WriteAsync(skipFile, ct);
            var (end, stderr) = await RunOnceAsync(["stage", stagingFolder, "--blobs", blobs, "--skip", skipFile], run, progress, ct);
            if (end == RunEnd.Finished)
            {
                break;
            }
            var on = run.CurrentUnit ?? run.CurrentScanFile ?? "(nothing)";
            if (end == RunEnd.TimedOut)
            {
                ImportLog.DecoderTimedOut(log, attempt, on, limit);
            }
            else
            {
                ImportLog.DecoderCrashed(log, attempt, on, stderr);
            }
            if (!run.RefuseWhatCrashed(end == RunEnd.TimedOut ? TimeoutReason(limit) : CrashReason))
            {
                break; // It died before any unit or file: another run would die the same way.
            }
        }
        run.RefuseUnaccounted(stagingFolder, "The image decoder stopped before reaching this file (it crashed repeatedly).");
        return run.ToResult();
    }

    private enum RunEnd
    {
        Finished,
        Died,
        TimedOut,
    }

    private async Task<(RunEnd End, string Stderr)> RunOnceAsync(IEnumerable<string> arguments, DecoderRunState run, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var process = Process.Start(DecoderCommand.Create(options.Value.DecoderPath, arguments))
            ?? throw new InvalidOperationException("The image decoder could not be started.");
        var stderr = ReadTailAsync(process.StandardError, ct);
        var finished = false;
        var timedOut = false;
        var unit = new UnitClock(metrics);
        try
        {
            // Every event restarts the clock: a unit, or a header, that stays silent past the limit is a hang.
            while (true)
            {
                var (line, inTime) = await ReadLineWithinAsync(process.StandardOutput, options.Value.DecodeTimeout, ct);
                if (!inTime)
                {
                    timedOut = true;
                    process.Kill(entireProcessTree: true);
                    break;
                }
                if (line is null)
                {
                    break;
                }
                if (line.Length == 0 || line[0] != '{' || StageEvent.Parse(line) is not { } stageEvent)
                {
                    continue;
                }
                unit.Apply(stageEvent);
                finished |= run.Apply(stageEvent);
                if (stageEvent.Event is StageEvent.Plan or StageEvent.Start or StageEvent.Done)
                {
                    progress?.Report(new ImportProgress(ImportPhase.Decoding, run.UnitsDone, run.UnitsTotal, stageEvent.Files is [var first, ..] ? first : null));
                }
            }
            if (!await ExitsWithinAsync(process, options.Value.DecodeTimeout, ct))
            {
                // Its output closed but it does not exit: stopped; a run that reported done still counts as finished.
                timedOut |= !finished;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(ct);
                return (finished ? RunEnd.Finished : RunEnd.TimedOut, await stderr);
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            unit.Stop(timedOut ? ImportMetrics.TimedOut : ImportMetrics.Crashed);
        }
        var end = timedOut ? RunEnd.TimedOut : finished && process.ExitCode == 0 ? RunEnd.Finished : RunEnd.Died;
        return (end, await stderr);
    }

    private static async Task<bool> ExitsWithinAsync(Process process, TimeSpan limit, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The next line (null at the end), or InTime false when none came within the limit.</summary>
    private static async Task<(string? Line, bool InTime)> ReadLineWithinAsync(StreamReader reader, TimeSpan limit, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(limit);
        try
        {
            return (await reader.ReadLineAsync(timer.Token), true);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, false);
        }
    }

    private static async Task<string> ReadTailAsync(StreamReader reader, CancellationToken ct)
    {
        var text = await reader.ReadToEndAsync(ct);
        return text.Length > 2000 ? text[^2000..] : text;
    }

    /// <summary>Times the unit the decoder is on, from its start event to the next start, done, or the end of the run.</summary>
    private sealed class UnitClock(ImportMetrics metrics)
    {
        private long _started;
        private bool _decoded;
        private bool _refused;

        public void Apply(StageEvent e)
        {
            switch (e.Event)
            {
                case StageEvent.Start:
                    Stop(null);
                    _started = Stopwatch.GetTimestamp();
                    break;
                case StageEvent.Item:
                    _decoded = true;
                    break;
                case StageEvent.Refused when e.Unit is not null:
                    _refused = true;
                    break;
                case StageEvent.Done:
                    Stop(null);
                    break;
            }
        }

        /// <summary>Records the open unit, if any; <paramref name="failure"/> names how the run ended on it.</summary>
        public void Stop(string? failure)
        {
            if (_started == 0)
            {
                return;
            }
            var outcome = _decoded ? ImportMetrics.Decoded : _refused ? ImportMetrics.Refused : failure ?? ImportMetrics.Refused;
            metrics.UnitFinished(Stopwatch.GetElapsedTime(_started), outcome);
            _started = 0;
            _decoded = _refused = false;
        }
    }
}
