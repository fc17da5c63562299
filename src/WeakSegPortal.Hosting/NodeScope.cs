using System.Collections;
using System.Diagnostics;

namespace WeakSegPortal.Hosting;

/// <summary>One log line's node id and trace context, as the key/value pairs the JSON console writes as properties.</summary>
internal sealed class NodeScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _pairs;

    public NodeScope(string node, Activity? activity)
    {
        _pairs = activity is null || activity.IdFormat != ActivityIdFormat.W3C
            ? [new("NodeId", node)]
            : [new("NodeId", node), new("TraceId", activity.TraceId.ToHexString()), new("SpanId", activity.SpanId.ToHexString())];
    }

    public int Count => _pairs.Length;

    public KeyValuePair<string, object?> this[int index] => _pairs[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', _pairs.Select(p => $"{p.Key}:{p.Value}"));
}
