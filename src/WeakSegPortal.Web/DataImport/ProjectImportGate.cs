using System.Collections.Concurrent;

namespace WeakSegPortal.Web.DataImport;

/// <summary>
/// Lets one import per project at a time check for duplicates and record its items, so two uploads
/// of the same series racing each other cannot both get in. Decoding runs outside the gate.
/// In-process: a portal running on several nodes needs a database lock here instead.
/// </summary>
public sealed class ProjectImportGate
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    public async Task<IDisposable> EnterAsync(Guid projectId, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(projectId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
