using WeakSegPortal.Core.Agreement;
using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Components.Pages.Qa;

/// <summary>
/// One item at the QA desk: the workspace's viewer read-only (wwwroot/src/qa-viewer.js) with every
/// annotator's labels, the consensus and the disagreement heat map of the slice on screen as layers,
/// history as of any moment (streams replayed in memory), the adjudication panel, and the way on to
/// the next-worst item.
/// </summary>
public sealed partial class QaItem
{
    private static readonly string[] Palette = ["#00e5ff", "#ffea00", "#ff4081", "#76ff03", "#ff9100", "#d500f9", "#ffffff", "#18ffff"];

    private ItemView? _item;
    /// <summary>The item's source (file name, DICOM UIDs): read for managers only, null for QA leads.</summary>
    private ItemSource? _source;
    private ProjectSummary? _project;
    private ItemAgreementSummary? _summary;
    private string? _refusal;
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();
    private IReadOnlyDictionary<Guid, IReadOnlyList<LabelReplay.Entry>> _streams = new Dictionary<Guid, IReadOnlyList<LabelReplay.Entry>>();
    private List<DateTimeOffset> _moments = [];
    private int _moment;
    private IReadOnlyList<AnnotatorItemLabels> _labels = [];
    private List<OverlayLayer> _layers = [];
    private readonly HashSet<Guid> _hidden = [];
    private readonly HashSet<Guid> _removed = [];
    private Guid _chosen;
    private int _slice;
    private bool _showConsensus = true;
    private bool _showHeat = true;
    private string? _consensusUri;
    private string? _heatUri;
    private IDisposable? _listening;
    private ElementReference _viewerElement;
    private IJSObjectReference? _host;
    private DotNetObjectReference<QaItem>? _self;
    private bool _mounted;
    // Mount attempts before the element was on the page; bounded, so a page whose element never
    // comes (or a browser that never answers true) cannot render forever.
    private int _earlyMounts;
    private const int MaxEarlyMounts = 20;
    private bool _decided;
    private string? _viewerProblem;
    private volatile bool _gone;
    private readonly RefreshThrottle _refresh = new(TimeSpan.FromMilliseconds(500));

    [Parameter] public Guid Id { get; set; }
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private AgreementNotifier Notifier { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private bool AtNow => _moment >= _moments.Count;


    protected override async Task OnInitializedAsync()
    {
        await ReloadAsync();
        if (_item is not null)
        {
            _slice = FirstLabelledSlice();
            Recompute();
        }
        _listening = Notifier.Subscribe(OnAgreementChangedAsync);
    }

    private Task OnAgreementChangedAsync(AgreementChanged change)
    {
        if (change.ItemIds.Contains(Id) && !_gone)
        {
            _refresh.Request(() => InvokeAsync(async () =>
            {
                if (_gone)
                {
                    return;
                }
                try
                {
                    await ReloadAsync();
                    StateHasChanged();
                }
                catch (Exception e) when (_gone && e is ObjectDisposedException or OperationCanceledException)
                {
                    // The page went while it re-read; nothing to show.
                }
            }), Leaving);
        }
        return Task.CompletedTask;
    }

    /// <summary>Reads the item, its summary and its annotators' streams; keeps the chosen moment if one is chosen.</summary>
    private async Task ReloadAsync()
    {
        var user = (await AuthState).User;
        await using var scope = Scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var item = await session.LoadAsync<ItemView>(Id, Leaving);
        var project = item is null ? null : await session.LoadAsync<ProjectSummary>(item.ProjectId, Leaving);
        _source = user.IsManager() ? item?.Source : null;
        if (item is null || project is null)
        {
            _refusal = "There is no such item.";
            return;
        }
        if (!QaAccess.CanReview(project, user.UserId(), user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin)))
        {
            _refusal = "You do not review this item's project.";
            return;
        }
        var wasAtNow = AtNow;
        (_item, _project) = (item, project);
        _summary = await session.LoadAsync<ItemAgreementSummary>(Id, Leaving);
        _streams = await LabelReplay.LoadAsync(session, Id, item.AssignedTo, Leaving);
        _names = await People.NamesAsync(session, item.AssignedTo, Leaving);
        _moments = [.. _streams.Values.SelectMany(s => s).Select(e => e.At).Distinct().Order()];
        _moment = wasAtNow ? _moments.Count : Math.Min(_moment, _moments.Count);
        Replay();
    }

    private void Replay()
    {
        var at = AtNow ? DateTimeOffset.MaxValue : _moments[_moment];
        _labels = [.. _streams.Select(s => LabelReplay.AsOf(Id, s.Key, s.Value, at)).Where(l => l.Annotations.Count > 0).OrderBy(l => People.Of(_names, l.AnnotatorId), StringComparer.Ordinal)];
        var order = _streams.Keys.Order().ToList();
        _layers = [.. _labels.Select(l => new OverlayLayer(l.AnnotatorId, People.Of(_names, l.AnnotatorId), Palette[order.IndexOf(l.AnnotatorId) % Palette.Length], l.Annotations))];
        Recompute();
        _ = PushAsync("setLayers", QaViewerLayers.Of(_layers, _item is { } shown ? ItemGrids.Of(shown.Geometry) : null));
    }

    private async Task OnDecidedAsync()
    {
        _decided = true;
        await ReloadAsync();
    }

    private async Task NextWorstAsync()
    {
        if (_item is null)
        {
            return;
        }
        await using var scope = Scopes.CreateAsyncScope();
        var next = await AgreementQueries.NextWorstAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), _item.ProjectId, _item.Id, Leaving);
        if (next is null)
        {
            Snackbar.Add("No other open item is left in this project.", MudBlazor.Severity.Info);
            return;
        }
        // A full load: the page builds its viewer and reads everything afresh for the new item.
        Navigation.NavigateTo($"/qa/items/{next.Id}", forceLoad: true);
    }

    /// <summary>Consensus and heat map of the shown slice, from the adjudication's base minus struck annotations.</summary>
    private void Recompute()
    {
        if (_item is null || _project is null)
        {
            return;
        }
        var basis = _labels.Where(l => _chosen == Guid.Empty || l.AnnotatorId == _chosen)
            .Select(l => StoredLabels.ToWeakLabels(l.Annotations.Where(a => !_removed.Contains(a.AnnotationId))))
            .ToList();
        var classIds = _project.Classes.Select(c => c.Id).ToList();
        var slice = SliceConsensus.Compute(ItemGrids.Of(_item.Geometry), _slice, basis, classIds);
        _consensusUri = OverlayImages.Consensus(slice, _project.Classes.ToDictionary(c => c.Id, c => c.Colour));
        _heatUri = OverlayImages.Heat(slice);
    }

    private Task SetMomentAsync(int moment)
    {
        _moment = Math.Clamp(moment, 0, _moments.Count);
        Replay();
        return Task.CompletedTask;
    }

    private void SetChosen(Guid annotator)
    {
        _chosen = annotator;
        _removed.Clear();
        Recompute();
        _ = PushImagesAsync();
    }

    private void SetKeep((Guid AnnotationId, bool Keep) change)
    {
        if (change.Keep)
        {
            _removed.Remove(change.AnnotationId);
        }
        else
        {
            _removed.Add(change.AnnotationId);
        }
        Recompute();
        _ = PushImagesAsync();
    }

    private int FirstLabelledSlice()
    {
        var slices = _labels.SelectMany(l => l.Annotations).Select(a => a.AxialSlice).OfType<int>().ToList();
        return slices.Count > 0 ? slices.Min() : (_item?.Geometry.Nz ?? 1) / 2;
    }

    private string ClassName(int id) => _project?.Classes.FirstOrDefault(c => c.Id == id)?.Name ?? $"class {id}";

    private static string AnnotatorExplanation(AnnotatorAgreementSummary figures) =>
        QaFigures.ScoredAgainst(figures.ScoredAgainst) is { } basis ? $"{QaFigures.AnnotatorAgreement} Here: {basis}." : QaFigures.AnnotatorAgreement;

    /// <summary>The tags' figures; summaries stored before they carried them are read from their α and κ.</summary>
    private static TagAgreementResult TagsOf(ItemAgreementSummary summary) => summary.Tags
        ?? new TagAgreementResult(AgreementStatistic.Of(summary.TagAlpha ?? double.NaN, null), AgreementStatistic.Of(summary.TagMeanKappa ?? double.NaN, null));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gone = true;
            _listening?.Dispose();
        }
        base.Dispose(disposing);
    }

    public async ValueTask DisposeAsync()
    {
        _gone = true;
        _listening?.Dispose();
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
        _self?.Dispose();
        Dispose();
    }
}
