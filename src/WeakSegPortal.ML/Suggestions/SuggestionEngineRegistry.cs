using System.Collections.Concurrent;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Sam;

namespace WeakSegPortal.ML.Suggestions;

/// <summary>
/// The one place engines are registered by name: the classical engines always, each configured SAM-family model
/// under its own name. Engines are made on first use and shared (they are thread-safe); disposing the registry
/// disposes them.
/// </summary>
public sealed class SuggestionEngineRegistry : IDisposable
{
    private readonly Dictionary<string, EngineRegistration> _registrations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ISuggestionEngine>> _engines = new(StringComparer.Ordinal);

    public SuggestionEngineRegistry(SuggestionEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Add(new EngineRegistration(GrabCutBoxEngine.Name, EngineKinds.GrabCutBox, () => new GrabCutBoxEngine()));
        Add(new EngineRegistration(SeededGrabCutEngine.Name, EngineKinds.GrabCutSeeded, () => new SeededGrabCutEngine()));

        var cache = new TieredEmbeddingCache(
            new MemoryEmbeddingCache(options.EmbeddingMemoryBytes),
            options.EmbeddingDirectory is { } folder ? new DiskEmbeddingStore(folder) : null);
        var sessions = new OnnxSessionFactory { PreferCuda = options.PreferCuda };
        foreach (var (name, model) in options.SamModels)
        {
            Add(new EngineRegistration(name, EngineKinds.SamOnnx, () => SamEngine.Load(name, model, sessions, cache)));
        }
    }

    public IReadOnlyCollection<EngineRegistration> Registrations => _registrations.Values;

    /// <summary>The engine registered under <paramref name="name"/>; an unknown name is refused with the known ones listed.</summary>
    public ISuggestionEngine Get(string name)
    {
        if (!_registrations.TryGetValue(name, out var registration))
        {
            throw new KeyNotFoundException($"No suggestion engine named '{name}'; registered: {string.Join(", ", _registrations.Keys)}.");
        }

        return _engines.GetOrAdd(name, _ => new Lazy<ISuggestionEngine>(registration.Create)).Value;
    }

    public void Dispose()
    {
        foreach (var engine in _engines.Values.Where(e => e.IsValueCreated))
        {
            (engine.Value as IDisposable)?.Dispose();
        }
    }

    private void Add(EngineRegistration registration)
    {
        if (!_registrations.TryAdd(registration.Name, registration))
        {
            throw new ArgumentException($"Two engines are named '{registration.Name}'.");
        }
    }
}
