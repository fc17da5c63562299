namespace WeakSegPortal.Web.Components.Pages.Annotate;

/// <summary>
/// The browser outbox as Submit and Skip see it (workspace-host.js `flush`): saved | saving | offline,
/// labels still waiting, whether the line is up, why the last send failed. The words shown for it
/// come from the browser (wwwroot/src/save-state.js), the one place that decides them.
/// </summary>
public sealed record SaveState(string State, int Pending, bool Online, string? Reason);
