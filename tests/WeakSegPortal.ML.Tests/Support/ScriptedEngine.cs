using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Tests.Support;

/// <summary>
/// An engine that answers each call with the next mask of a script (the last one repeated once the script is spent)
/// and a low-resolution mask numbered by the call, and keeps every prompt it was given, so that tests can see what a
/// harness sent.
/// </summary>
public sealed class ScriptedEngine(params bool[][] script) : ISuggestionEngine
{
    public EngineDescriptor Descriptor { get; } = new("scripted", "1", PromptKinds.Box | PromptKinds.Points | PromptKinds.PreviousMask);

    public List<SuggestionPrompt> Prompts { get; } = [];

    public Task<Suggestion> SuggestAsync(SuggestionPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Prompts.Add(prompt);
        var mask = script[Math.Min(Prompts.Count, script.Length) - 1];
        return Task.FromResult(new Suggestion(Descriptor, prompt.Image.Width, prompt.Image.Height, mask, 1)
        {
            LowResMask = new LowResMask(1, [Prompts.Count]),
        });
    }
}
