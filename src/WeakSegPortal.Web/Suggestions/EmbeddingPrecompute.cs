using System.Collections.Concurrent;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>
/// Has image embeddings computed before the clicks come, for engines that need them (EngineOffer.NeedsEmbedding):
/// the slices around the one open (Suggestions:NeighbourSlices each side, nearest first) and the middle slices of
/// the next items of the annotator's queue (Suggestions:QueueLookahead). Each job goes to the worker that will
/// answer that item's clicks; what it reports ready is remembered (<see cref="ReadySlices"/>) and pushed to the
/// annotator's connections as <c>EmbeddingsReady</c>. Runs beside the call that caused it, never delaying it.
/// </summary>
public sealed partial class EmbeddingPrecompute(
    SuggestionDispatcher dispatcher, WorkerRegistry workers, ReadySlices ready, IHubContext<AnnotationHub> annotators,
    IDocumentStore store, IOptions<SuggestionOptions> options, IHostApplicationLifetime lifetime, ILogger<EmbeddingPrecompute> log)
{
    public const string PushMethod = "EmbeddingsReady";

    private readonly ConcurrentDictionary<(string Engine, Guid Item, string Orientation, int Slice), byte> _pending = new();

    public static int SliceCount(ItemGeometry geometry, string orientation)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return orientation switch
        {
            "axial" => geometry.Nz,
            "coronal" => geometry.Ny,
            _ => geometry.Nx,
        };
    }

    /// <summary>Whether a worker offering this engine needs an embedding per slice (a classical engine does not).</summary>
    public bool NeedsEmbedding(string engine) => workers.Offering(engine).Any(w => w.Offer(engine)?.NeedsEmbedding == true);

    /// <summary>The slices around <paramref name="slice"/> of the open item.</summary>
    public void Around(Guid annotator, ItemView item, string engine, string orientation, int slice)
    {
        if (NeedsEmbedding(engine))
        {
            Start(ct => AroundAsync(annotator, item, engine, orientation, slice, ct));
        }
    }

    /// <summary>The item just opened (around its middle slice) and the next items of the annotator's queue.</summary>
    public void Ahead(Guid annotator, ItemView item, string engine)
    {
        if (NeedsEmbedding(engine))
        {
            Start(ct => AheadAsync(annotator, item, engine, ct));
        }
    }

    private void Start(Func<CancellationToken, Task> work)
    {
        var ct = lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                await work(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                LogFailed(log, e);
            }
        }, ct);
    }

    private async Task AheadAsync(Guid annotator, ItemView item, string engine, CancellationToken ct)
    {
        var open = AroundAsync(annotator, item, engine, "axial", item.Geometry.Nz / 2, ct);
        await using var session = store.QuerySession();
        var project = await session.LoadAsync<ProjectSummary>(item.ProjectId, ct);
        var lookahead = options.Value.QueueLookahead;
        if (project is null || lookahead == 0)
        {
            await open;
            return;
        }
        var items = await session.Query<ItemView>().Where(i => i.ProjectId == item.ProjectId && i.Id != item.Id).ToListAsync(ct);
        // The queue's own order (NextItemHandler): open items first, then the least covered, oldest first.
        var next = items
            .Where(i => i.IsOpenFor(annotator) || QueueRules.IsAvailableTo(i, annotator, project.AnnotatorsPerItem))
            .OrderByDescending(i => i.IsOpenFor(annotator))
            .ThenBy(QueueRules.Coverage)
            .ThenBy(i => i.RegisteredAt)
            .Take(lookahead);
        await Task.WhenAll(next.Select(i => AroundAsync(annotator, i, engine, "axial", i.Geometry.Nz / 2, ct)).Append(open));
    }

    private async Task AroundAsync(Guid annotator, ItemView item, string engine, string orientation, int slice, CancellationToken ct)
    {
        var count = SliceCount(item.Geometry, orientation);
        var reach = options.Value.NeighbourSlices;
        var known = ready.For(engine, item.Id, orientation).ToHashSet();
        var slices = Enumerable.Range(slice - reach, (2 * reach) + 1)
            .Where(k => k >= 0 && k < count && !known.Contains(k))
            .OrderBy(k => Math.Abs(k - slice))
            .Where(k => _pending.TryAdd((engine, item.Id, orientation, k), 0))
            .ToList();
        if (slices.Count == 0)
        {
            return;
        }
        try
        {
            var job = new EmbeddingJob(Guid.NewGuid(), engine, item.Id, item.VolumeKey, item.Modality, orientation, slices);
            if (await dispatcher.ComputeEmbeddingsAsync(job, ct) is not { } done)
            {
                return;
            }
            if (done.Result.Error is { } error)
            {
                LogRefused(log, done.Worker.Name, item.Id, error);
            }
            ready.Add(engine, item.Id, orientation, done.Result.ReadySlices, done.Worker.Announcement.WorkerId);
            await annotators.Clients.User(annotator.ToString()).SendAsync(PushMethod,
                new EmbeddingsReady(item.Id, orientation, engine, ready.For(engine, item.Id, orientation)), ct);
        }
        finally
        {
            foreach (var k in slices)
            {
                _pending.TryRemove((engine, item.Id, orientation, k), out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing embeddings ahead failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker} could not compute every embedding of item {ItemId}: {Error}")]
    private static partial void LogRefused(ILogger logger, string worker, Guid itemId, string error);
}
