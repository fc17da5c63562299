namespace WeakSegPortal.Web.Options;

/// <summary>The machine credentials of suggestion workers (section "Workers"); no token, no worker can connect.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Workers";

    /// <summary>The shortest token accepted: a worker's secret must not be guessable.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Bearer tokens a worker may present (one per worker or one shared); each at least <see cref="MinTokenLength"/> characters.</summary>
    public List<string> Tokens { get; set; } = [];
}
