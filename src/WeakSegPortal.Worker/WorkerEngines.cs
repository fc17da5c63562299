using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker;

/// <summary>
/// The engines this worker offers: ML's registry (classical engines always, each configured SAM model by name). SAM
/// engines are loaded by <see cref="Load"/> at start, so a wrong model file stops the worker with the reason before it
/// connects, and the announcement can say which execution provider (CUDA or CPU) they got. It also offers "project-model",
/// whose model each job names (ProjectModels/ProjectModelJobRunner).
/// </summary>
public sealed class WorkerEngines : IDisposable
{
    private readonly SuggestionEngineRegistry _registry;
    private readonly List<SamEngine> _sam = [];

    public WorkerEngines(IOptions<SuggestionEngineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _registry = new SuggestionEngineRegistry(options.Value);
    }

    public bool Loaded { get; private set; }

    /// <summary>True when every SAM engine runs on the CUDA execution provider (and there is at least one).</summary>
    public bool Gpu => _sam.Count > 0 && _sam.All(e => e.ExecutionProvider == "CUDA");

    public string Provider => Gpu ? "CUDA" : "CPU";

    /// <summary>Why CUDA was not used by a SAM engine that wanted it, per engine.</summary>
    public IReadOnlyDictionary<string, string> CudaFallbacks =>
        _sam.Where(e => e.FallbackReason is not null).ToDictionary(e => e.Descriptor.Name, e => e.FallbackReason!);

    /// <summary>Makes every registered engine now; a SAM model file that is missing or has the wrong signature throws <see cref="ModelRefusedException"/>.</summary>
    public void Load()
    {
        foreach (var registration in _registry.Registrations)
        {
            ISuggestionEngine engine;
            try
            {
                engine = _registry.Get(registration.Name);
            }
            catch (ModelRefusedException e)
            {
                throw new ModelRefusedException($"Suggestions:SamModels:{registration.Name} is refused: {e.Message}", e);
            }

            if (engine is SamEngine sam)
            {
                _sam.Add(sam);
            }
        }

        Loaded = true;
    }

    /// <summary>The engine named so, or null when this worker has none by that name.</summary>
    public ISuggestionEngine? Find(string name) =>
        _registry.Registrations.Any(r => r.Name == name) ? _registry.Get(name) : null;

    public IReadOnlyList<string> Names => [.. _registry.Registrations.Select(r => r.Name), ProjectModelEngine.Name];

    public IReadOnlyList<EngineOffer> Offers() =>
    [
        .. _registry.Registrations.Select(r =>
        {
            var engine = _registry.Get(r.Name);
            return new EngineOffer(r.Name, engine.Descriptor.Version, engine.Descriptor.Accepts.ToString(), NeedsEmbedding: engine is SamEngine);
        }),
        new EngineOffer(ProjectModelEngine.Name, "1", ProjectModelEngine.Accepts.ToString(), NeedsEmbedding: false),
    ];

    public void Dispose() => _registry.Dispose();
}
