using Marten;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Hosting;
using WeakSegPortal.Imaging.Dicom.Segmentation;
using WeakSegPortal.Imaging.Storage;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// Writes queued exports in the background, one at a time per node: takes one (<see cref="StartExportHandler"/>: of several
/// nodes only one gets it), writes its zip to a temporary file, reporting after every item (a cancel stops it there), stores
/// the zip in the blob store and completes it; any failure ends it as failed with the reason.
/// </summary>
public sealed partial class ExportRunner(IServiceScopeFactory scopes, IBlobStore blobs, IDicomSegmentationWriter segmentations, NodeIdentity node, TimeProvider clock,
    ILogger<ExportRunner> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(log, e);
            }
            await Task.Delay(Poll, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Runs the oldest queued export this node can take; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<IQuerySession>();
        var queued = await session.Query<ProjectExport>().Where(e => e.Status == ExportStatus.Queued).OrderBy(e => e.RequestedAt).Take(1).ToListAsync(ct);
        if (queued.Count == 0)
        {
            return false;
        }
        var export = queued[0];
        var content = await services.GetRequiredService<ExportContentReader>().ReadAsync(export, ct);
        if (content is null)
        {
            await services.GetRequiredService<FailExportHandler>().HandleAsync(new FailExport(export.Id, "The project no longer exists."), ct);
            return true;
        }
        if (!await services.GetRequiredService<StartExportHandler>().HandleAsync(new StartExport(export.Id, node.Id, content.Items.Count), ct))
        {
            return true;
        }
        await WriteAsync(services, export, content, ct);
        return true;
    }

    private async Task WriteAsync(IServiceProvider services, ProjectExport export, ExportContent content, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"weakseg-export-{export.Id:N}.zip");
        try
        {
            IReadOnlyList<string> notes;
            await using (var zip = File.Create(path))
            {
                var progress = services.GetRequiredService<RecordExportProgressHandler>();
                notes = await ExportWriter.WriteAsync(content, export.Formats, zip,
                    done => progress.HandleAsync(new RecordExportProgress(export.Id, done), ct), segmentations, clock, ct);
            }
            BlobKey key;
            await using (var zip = File.OpenRead(path))
            {
                key = await blobs.PutAsync(zip, ct);
            }
            var name = $"{FileNames.Safe(content.Project.Name)}-export-{clock.GetUtcNow():yyyyMMdd-HHmmss}.zip";
            if (!await services.GetRequiredService<CompleteExportHandler>().HandleAsync(new CompleteExport(export.Id, key.Hex, new FileInfo(path).Length, name, notes), ct))
            {
                LogEndedMeanwhile(log, export.Id);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogCancelled(log, export.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogExportFailed(log, e, export.Id);
            await services.GetRequiredService<FailExportHandler>().HandleAsync(new FailExport(export.Id, $"The export could not be written: {e.Message}"), CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The export loop failed; it goes on")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {ExportId} failed")]
    private static partial void LogExportFailed(ILogger logger, Exception exception, Guid exportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} was cancelled; nothing of it is kept")]
    private static partial void LogCancelled(ILogger logger, Guid exportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} ended while it was being written; its file is not offered")]
    private static partial void LogEndedMeanwhile(ILogger logger, Guid exportId);
}
