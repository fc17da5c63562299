using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Benchmarks;

/// <summary>Wraps an engine to count its calls, how many carried a previous low-resolution mask, and keep the last answer.</summary>
internal sealed class ObservedEngine(ISuggestionEngine inner) : ISuggestionEngine
{
    public EngineDescriptor Descriptor => inner.Descriptor;

    public int Calls { get; private set; }

    public int CallsWithPreviousMask { get; private set; }

    public Suggestion? Last { get; private set; }

    public async Task<Suggestion> SuggestAsync(SuggestionPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Calls++;
        CallsWithPreviousMask += prompt.PreviousMask is null ? 0 : 1;
        Last = await inner.SuggestAsync(prompt, cancellationToken);
        return Last;
    }
}
