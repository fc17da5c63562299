using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Consistency;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Components.Pages.Annotate;

/// <summary>The annotator's page: next item from the queue, the browser workspace, guidelines, submit or skip.</summary>
public sealed partial class Annotate
{
    private static readonly string[] SkipReasons =
        ["Image unreadable or corrupt", "Structure not visible", "Outside my expertise", "Wrong body part or modality", "Other"];

    private ElementReference _canvas;
    private IJSObjectReference? _host;
    private bool _mounted;
    // Mount attempts before the element was on the page; bounded, so a page whose element never
    // comes (or a browser that never answers true) cannot render forever.
    private int _earlyMounts;
    private const int MaxEarlyMounts = 20;
    private Guid? _loadedFor;
    private bool _loading = true;
    private bool _busy;
    private bool _skipping;
    private string? _skipReason;
    private QueueProgress? _progress;
    private ProjectSummary? _project;
    private ItemView? _item;
    private Guid _me;
    private string _guidelines = "";
    private string? _returnComment;
    private IReadOnlyList<GuidelineExample> _examples = [];
    // What the 3D consistency rules found at the last Submit; a second Submit goes ahead anyway.
    private IReadOnlyList<ConsistencyFinding> _findings = [];

    [Parameter] public Guid ProjectId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    // Parameters are set again whenever a cascading value changes (the authentication state is
    // revalidated): only a new project loads an item, or the workspace would be mounted twice.
    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == ProjectId)
        {
            return;
        }
        _loadedFor = ProjectId;
        await LoadNextAsync();
    }

    private async Task LoadNextAsync()
    {
        _loading = true;
        var me = (await AuthState).User.UserId();
        _me = me;
        await using var scope = Scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var project = await session.LoadAsync<ProjectSummary>(ProjectId, Leaving);
        _project = project is not null && ProjectAccess.CanAnnotate(project, me) ? project : null;
        if (_project is not null)
        {
            var settings = await session.Events.AggregateStreamAsync<Project>(ProjectId, token: Leaving);
            _guidelines = settings?.Guidelines ?? "";
            _examples = settings?.Examples ?? [];
            _item = await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(ProjectId, me), Leaving);
            // Only this annotator's own return note: others' notes would break blinding.
            _returnComment = _item?.ReturnCommentFor(me);
            // After the queue handed out the item, so it counts as open.
            _progress = _item is null ? null : await QueueProgressQuery.ForAsync(session, ProjectId, me, Leaving);
        }
        _mounted = false;
        _earlyMounts = 0;
        _loading = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_item is null || _project is null || _mounted)
        {
            return;
        }
        _mounted = true;
        _host ??= await JS.InvokeAsync<IJSObjectReference>("import", Leaving, "./js/workspace-host.js");
        var mounted = await _host.InvokeAsync<bool>("mount", Leaving, _canvas, new
        {
            itemId = _item.Id,
            // Scopes the browser's outbox: pending commands of one user never go out under another's sign-in.
            userId = _me,
            itemUrl = $"/api/items/{_item.Id}",
            hubUrl = "/hubs/annotation",
            classes = _project.Classes.Select(c => new { id = c.Id, name = c.Name, colour = c.Colour }),
            allowedKinds = _project.AllowedKinds.Select(k => k.ToString().ToLowerInvariant()),
        });
        if (!mounted && ++_earlyMounts <= MaxEarlyMounts)
        {
            // This after-render step ran before the render that shows the item's canvas.
            _mounted = false;
            StateHasChanged();
        }
    }

    private Task SubmitAsync() => FinishAsync(null);

    private Task SkipAsync() => FinishAsync(_skipReason);

    private async Task FinishAsync(string? skipReason)
    {
        if (_item is null || _host is null)
        {
            return;
        }
        _busy = true;
        try
        {
            // Labels can no longer change after submission: every pending one must be saved first.
            var saving = await _host.InvokeAsync<SaveState>("flush", Leaving);
            if (saving is { Pending: > 0 } or { Online: false })
            {
                // The browser says why, beside the buttons (save-state.js): the same words online and offline.
                await _host.InvokeAsync<string?>("explainWait", Leaving, skipReason is null ? "submit" : "skip");
                return;
            }
            await using var scope = Scopes.CreateAsyncScope();
            if (skipReason is null && _findings.Count == 0 && await FindInconsistenciesAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>()) is { Count: > 0 } findings)
            {
                // Shown beside the buttons; the annotator fixes them or submits anyway. Never fixed silently.
                _findings = findings;
                return;
            }
            var activeMs = await _host.InvokeAsync<long>("activeMs", Leaving);
            var result = await scope.ServiceProvider.GetRequiredService<FinishItemHandler>()
                .HandleAsync(new FinishItem(_item.Id, (await AuthState).User.UserId(), activeMs, skipReason), Leaving);
            if (!result.Succeeded)
            {
                Snackbar.Add(string.Join(" ", result.Errors.Values), Severity.Error);
                return;
            }
            Snackbar.Add(skipReason is null ? "Submitted. Here is the next item." : "Skipped.", Severity.Success);
            await _host.InvokeVoidAsync("unmount", Leaving);
            _skipping = false;
            _skipReason = null;
            _findings = [];
            await LoadNextAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The 3D consistency rules over this annotator's saved labels on the item.</summary>
    private async Task<IReadOnlyList<ConsistencyFinding>> FindInconsistenciesAsync(IQuerySession session)
    {
        var labels = await AnnotationRecords.OfAsync(session, _item!.Id, _me, Leaving);
        return ConsistencyRules.Check(labels.ToWeakLabels(), ItemGrids.Of(_item.Geometry), ClassName);
    }

    private string ClassName(int id) => _project?.Classes.FirstOrDefault(c => c.Id == id)?.Name ?? $"class {id}";

    private Task ShowSliceAsync(int slice) => _host is null ? Task.CompletedTask : _host.InvokeVoidAsync("showSlice", Leaving, slice).AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            try
            {
                await _host.InvokeVoidAsync("unmount");
                await _host.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the browser page went with it.
            }
        }
        Dispose();
    }
}
