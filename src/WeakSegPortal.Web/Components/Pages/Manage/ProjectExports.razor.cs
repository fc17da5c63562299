using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Exports;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Components.Pages.Manage;

/// <summary>
/// A project's exports: choose formats and a filter, start an export (written by <see cref="Exports.ExportRunner"/>), follow its
/// progress live (pushed: every stored change of an export, on whichever node, reaches the page through <see cref="ExportNotifier"/>
/// and <see cref="ExportBroadcast"/>, and the page re-reads its exports), cancel it, download a finished one.
/// </summary>
public sealed partial class ProjectExports
{
    private readonly HashSet<string> _formats = [ExportFormats.Nifti, ExportFormats.Png, ExportFormats.Coco];
    private bool _loading = true;
    private bool _busy;
    private bool _submittedOnly;
    private bool _goldOnly;
    private bool _dicomSources;
    private string? _error;
    private ProjectSummary? _project;
    private List<ProjectExport> _exports = [];

    [Parameter] public Guid ProjectId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ExportNotifier Notifier { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        FollowChanges(Notifier, ProjectId);
        await LoadAsync();
        _loading = false;
    }

    protected override async Task LoadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        _project = await session.LoadAsync<ProjectSummary>(ProjectId, Leaving);
        _dicomSources = await DicomSources.AnyInProjectAsync(session, ProjectId, Leaving);
        _exports = [.. await session.Query<ProjectExport>().Where(e => e.ProjectId == ProjectId).OrderByDescending(e => e.RequestedAt).ToListAsync(Leaving)];
    }

    private void Toggle(string format, bool on)
    {
        if (on)
        {
            _formats.Add(format);
        }
        else
        {
            _formats.Remove(format);
        }
    }

    private async Task StartAsync()
    {
        _busy = true;
        try
        {
            var user = (await AuthState).User.UserId();
            await using var scope = Scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RequestExportHandler>()
                .HandleAsync(new RequestExport(ProjectId, [ExportFormats.WeakLabels, .. _formats.Where(f => _dicomSources || f != ExportFormats.DicomSeg)], new ExportFilter(_submittedOnly, _goldOnly), user), Leaving);
            _error = result.Succeeded ? null : string.Join(" ", result.Errors.Values);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CancelAsync(ProjectExport export)
    {
        _busy = true;
        try
        {
            var user = (await AuthState).User.UserId();
            await using var scope = Scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CancelExportHandler>().HandleAsync(new CancelExport(ProjectId, export.Id, user), Leaving);
            _error = result.Succeeded ? null : string.Join(" ", result.Errors.Values);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string StatusText(ProjectExport export) => export.Status switch
    {
        ExportStatus.Queued => "Queued",
        ExportStatus.Running => "Writing",
        ExportStatus.Completed => $"Ready · {(export.Bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        ExportStatus.Cancelled => "Cancelled",
        ExportStatus.Failed => $"Failed: {export.FailureReason}",
        _ => export.Status,
    };
}
