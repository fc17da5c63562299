namespace WeakSegPortal.E2E;

/// <summary>
/// The portal for the suggestion round trips. Without a worker, Suggest is answered by the web app's
/// in-process classical engines (replies say ranOn "web"). To run the same tests through a worker
/// process, start it in <see cref="StartWorkersAsync"/> (after the portal listens, with a token from
/// <see cref="WorkerToken"/>, which the portal accepts) and name it in <see cref="ExpectedRanOn"/>.
/// </summary>
public class SuggestionPortal : BrowserPortal
{
    /// <summary>A machine credential the portal accepts on /hubs/worker (Workers:Tokens).</summary>
    public const string WorkerToken = "e2e-worker-token-0123456789abcdef";

    public SuggestionPortal() => Settings["Workers:Tokens:0"] = WorkerToken;

    /// <summary>Where the replies are expected to come from: "web" (the in-process fallback) or a worker's name.</summary>
    public virtual string ExpectedRanOn => "web";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartWorkersAsync(BaseAddress);
    }

    /// <summary>Starts workers beside the portal (none here); they must have announced themselves before this returns.</summary>
    protected virtual Task StartWorkersAsync(Uri portal) => Task.CompletedTask;
}
