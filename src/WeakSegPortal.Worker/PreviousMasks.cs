using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker;

/// <summary>
/// The last low-resolution mask of each object (least recently used first out, Worker:PreviousMasks of them), passed
/// back as the next prompt's PreviousMask so that a new click refines the object instead of starting over. A hint
/// only: losing it (another worker, an eviction) costs a little quality, never an error.
/// </summary>
public sealed class PreviousMasks(IOptions<WorkerOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<PreviousMaskKey, LinkedListNode<(PreviousMaskKey Key, LowResMask Mask)>> _entries = [];
    private readonly LinkedList<(PreviousMaskKey Key, LowResMask Mask)> _recency = new();
    private readonly int _capacity = options.Value.PreviousMasks;

    public LowResMask? Find(PreviousMaskKey key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Mask;
        }
    }

    public void Keep(PreviousMaskKey key, LowResMask mask)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
            }

            while (_entries.Count >= _capacity && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
            }

            _entries[key] = _recency.AddFirst((key, mask));
        }
    }
}
