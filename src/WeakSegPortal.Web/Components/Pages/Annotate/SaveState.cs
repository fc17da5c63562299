namespace WeakSegPortal.Web.Components.Pages.Annotate;

/// <summary>The browser outbox as Submit and Skip see it: labels still waiting, whether the line is up, and why the last send failed.</summary>
public sealed record SaveState(int Pending, bool Online, string? Reason)
{
    /// <summary>Why the item cannot be finished yet, in the annotator's terms: "check your connection" only when it is down.</summary>
    public string Explain(string action)
    {
        var labels = Pending == 1 ? "1 label is" : $"{Pending} labels are";
        if (!Online)
        {
            return $"You are offline: {labels} kept in this browser and sent when the connection is back. Then {action} again.";
        }
        var why = string.IsNullOrWhiteSpace(Reason) ? "" : $" ({Reason.Trim().TrimEnd('.')})";
        return $"{labels} still being saved{why}. Nothing is lost; {action} again in a moment.";
    }
}
