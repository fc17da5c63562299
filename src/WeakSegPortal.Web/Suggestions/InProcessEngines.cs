using System.Diagnostics;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>
/// The classical engines the portal runs itself, when no worker offers the engine or a worker failed mid-job.
/// Only these two: SAM-family engines (and ONNX Runtime) live in the worker process, never here.
/// </summary>
public sealed class InProcessEngines
{
    public const string Provider = "OpenCV";

    private readonly Dictionary<string, ISuggestionEngine> _engines = new(StringComparer.Ordinal)
    {
        [GrabCutBoxEngine.Name] = new GrabCutBoxEngine(),
        [SeededGrabCutEngine.Name] = new SeededGrabCutEngine(),
    };

    public bool Offers(string engine) => _engines.ContainsKey(engine);

    public IEnumerable<EngineDescriptor> Descriptors => _engines.Values.Select(e => e.Descriptor);

    public async Task<SuggestionJobResult> RunAsync(SuggestionJob job, PromptImage image, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var engine = _engines[job.Engine];
        var clock = Stopwatch.StartNew();
        try
        {
            // GrabCut is synchronous CPU work: off the hub's thread, so other calls of the connection go on.
            var suggestion = await Task.Run(() => engine.SuggestAsync(EnginePrompt.From(job.Prompt, image), ct), ct);
            return new SuggestionJobResult(job.JobId, true, null, engine.Descriptor.Name, engine.Descriptor.Version, suggestion.ExecutionProvider,
                suggestion.Score, WireMask.From(suggestion.Mask, suggestion.Width, suggestion.Height), null, clock.ElapsedMilliseconds);
        }
        catch (PromptNotSupportedException e)
        {
            return new SuggestionJobResult(job.JobId, false, e.Message, engine.Descriptor.Name, engine.Descriptor.Version, Provider, 0, null, null, clock.ElapsedMilliseconds);
        }
    }
}
