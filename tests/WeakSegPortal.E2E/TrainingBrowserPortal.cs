namespace WeakSegPortal.E2E;

/// <summary>The browser portal with a worker token, so a test worker client can claim and report training jobs.</summary>
public sealed class TrainingBrowserPortal : BrowserPortal
{
    public const string WorkerToken = "e2e-training-worker-token-0123456789";

    public TrainingBrowserPortal()
    {
        Settings["Workers:Tokens:0"] = WorkerToken;
    }
}
