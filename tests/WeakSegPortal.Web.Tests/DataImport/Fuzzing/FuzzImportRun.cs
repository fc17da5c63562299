using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WeakSegPortal.Web.DataImport;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// Feeds fuzz batches through `POST /api/projects/{id}/imports` of a running portal, one import per
/// batch into a fresh project, a few at once, and collects every input's outcome, the decoder's time
/// per unit (from the portal's <see cref="ImportMetrics"/>, read in process) and each import's time.
/// Shared by the test and the `fuzz` benchmark.
/// </summary>
public sealed class FuzzImportRun(HttpClient manager, Func<string, Task<Guid>> newProject, IMeterFactory portalMeters)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<FuzzSummary> RunAsync(IEnumerable<IReadOnlyList<FuzzInput>> batches, int parallel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var units = new ConcurrentBag<(double Seconds, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ImportMetrics.MeterName && instrument.Name == ImportMetrics.UnitDuration && ReferenceEquals(instrument.Meter.Scope, portalMeters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => units.Add((value, tags.Length > 0 ? tags[0].Value as string ?? "" : "")));
        listener.Start();

        var outcomes = new ConcurrentBag<FuzzOutcome>();
        var imports = new ConcurrentBag<(double Seconds, int Inputs)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches.Select((b, n) => (Batch: b, Number: n)), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (work, token) =>
        {
            var project = await newProject($"Fuzz batch {work.Number}");
            var started = Stopwatch.GetTimestamp();
            var (files, failure) = await ImportAsync(project, work.Batch, token);
            imports.Add((Stopwatch.GetElapsedTime(started).TotalSeconds, work.Batch.Count));
            foreach (var input in work.Batch)
            {
                var outcome = files is null ? new FuzzOutcome(input, FuzzOutcome.PortalError, failure!) : FuzzOutcome.Of(input, files);
                // Only the inputs worth a look keep their bytes (to be written out and replayed); the rest keep name and mutation.
                outcomes.Add(outcome.IsFinding ? outcome : outcome with { Input = input with { Bytes = [], Companions = [] } });
            }
        });
        clock.Stop();
        listener.Dispose();
        var survived = await HealthyAsync(ct);
        return new FuzzSummary([.. outcomes.OrderBy(o => o.Input.Name, StringComparer.Ordinal)], [.. units], [.. imports], clock.Elapsed, survived);
    }

    /// <summary>The report's file lines, or null and why when the portal did not answer the import with one.</summary>
    private async Task<(IReadOnlyList<ImportFileResult>? Files, string? Failure)> ImportAsync(Guid project, IReadOnlyList<FuzzInput> batch, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in batch.SelectMany(i => (IEnumerable<(string, byte[])>)[(i.Name, i.Bytes), .. i.Companions]))
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        try
        {
            using var response = await manager.PostAsync(new Uri($"/api/projects/{project}/imports", UriKind.Relative), form, ct);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<ImportReport>(Json, ct) is { } report)
            {
                return (report.Files, null);
            }
            var body = await response.Content.ReadAsStringAsync(ct);
            return (null, $"HTTP {(int)response.StatusCode}: {body.ReplaceLineEndings(" ")[..Math.Min(body.Length, 200)]}");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
    }

    private async Task<bool> HealthyAsync(CancellationToken ct)
    {
        try
        {
            using var response = await manager.GetAsync(new Uri("/health", UriKind.Relative), ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
