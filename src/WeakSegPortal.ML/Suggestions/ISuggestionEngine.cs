namespace WeakSegPortal.ML.Suggestions;

/// <summary>One suggestion engine: a prompt on one slice in, a mask with a score out (MONAI Label's inference task, in C#).</summary>
public interface ISuggestionEngine
{
    EngineDescriptor Descriptor { get; }

    Task<Suggestion> SuggestAsync(SuggestionPrompt prompt, CancellationToken cancellationToken);
}
