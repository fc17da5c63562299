using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker.ProjectModels;

/// <summary>
/// Open project-model engines by model (its ONNX hash and shape), ProjectModels:Sessions of them, least recently used first
/// out. Jobs that want the same model at once share one fetch and load; a failed one is forgotten, so the next job tries
/// again. An engine pushed out while a job still uses it is disposed when that job lets go.
/// </summary>
public sealed class ProjectModelSessions(ModelFiles files, IOptions<SuggestionEngineOptions> engines, IOptions<ProjectModelOptions> options) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ModelRef, Entry> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly OnnxSessionFactory _sessions = new() { PreferCuda = engines.Value.PreferCuda };
    private readonly int _capacity = options.Value.Sessions;

    /// <summary>Models loaded so far (a model already open loads nothing).</summary>
    public int Loads { get; private set; }

    /// <summary>The model's engine for one job; dispose the lease when the job is done with it.</summary>
    /// <exception cref="ModelUnavailableException">The file could not be fetched.</exception>
    /// <exception cref="ModelRefusedException">The file is not this model's export.</exception>
    public async Task<ProjectModelLease> AcquireAsync(ModelRef model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        Entry entry;
        var created = false;
        lock (_gate)
        {
            if (_entries.TryGetValue(model, out var found))
            {
                _recency.Remove(found.Node);
                _recency.AddFirst(found.Node);
                entry = found;
            }
            else
            {
                entry = new Entry(model);
                entry.Node = _recency.AddFirst(entry);
                _entries[model] = entry;
                created = true;
                EvictBeyondCapacity();
            }
            entry.Users++;
        }
        if (created)
        {
            await LoadAsync(entry, cancellationToken);
        }
        try
        {
            return new ProjectModelLease(await entry.Loading.WaitAsync(cancellationToken), () => Release(entry));
        }
        catch
        {
            Release(entry);
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var entry in _entries.Values.Where(e => e.Loading.IsCompletedSuccessfully))
            {
                entry.Loading.Result.Dispose();
            }
            _entries.Clear();
            _recency.Clear();
        }
    }

    /// <summary>Fetches and opens the model; its outcome (the engine or the failure) goes to every job waiting on the entry.</summary>
    private async Task LoadAsync(Entry entry, CancellationToken cancellationToken)
    {
        try
        {
            var path = await files.PathOfAsync(entry.Model.OnnxHash, cancellationToken);
            var engine = ProjectModelEngine.Load(path, entry.Model, _sessions);
            lock (_gate)
            {
                Loads++;
            }
            entry.Source.SetResult(engine);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(entry.Model, out var current) && current == entry)
                {
                    _entries.Remove(entry.Model);
                    _recency.Remove(entry.Node);
                }
            }
            entry.Source.SetException(e);
        }
    }

    private void EvictBeyondCapacity()
    {
        while (_entries.Count > _capacity && _recency.Last is { } last)
        {
            _recency.RemoveLast();
            _entries.Remove(last.Value.Model);
            last.Value.Evicted = true;
            DisposeIfUnused(last.Value);
        }
    }

    private void Release(Entry entry)
    {
        lock (_gate)
        {
            entry.Users--;
            DisposeIfUnused(entry);
        }
    }

    private static void DisposeIfUnused(Entry entry)
    {
        if (entry.Evicted && entry.Users == 0)
        {
            _ = entry.Loading.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    private sealed class Entry(ModelRef model)
    {
        public ModelRef Model { get; } = model;

        public TaskCompletionSource<ProjectModelEngine> Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ProjectModelEngine> Loading => Source.Task;

        public LinkedListNode<Entry> Node { get; set; } = null!;

        public int Users { get; set; }

        public bool Evicted { get; set; }
    }
}
