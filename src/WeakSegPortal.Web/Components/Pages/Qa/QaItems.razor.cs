using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Components.Pages.Qa;

/// <summary>The QA desk's list: items of the projects this person reviews, lowest agreement first, updated live.</summary>
public partial class QaItems
{
    private IReadOnlyList<ProjectSummary>? _projects;
    private IReadOnlyList<ItemAgreementSummary> _all = [];
    private IReadOnlyList<ItemAgreementSummary> _shown = [];
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();
    private QaItemFilter _filter = new();
    private DateTimeOffset? _updated;
    private IDisposable? _listening;
    private readonly RefreshThrottle _refresh = new(TimeSpan.FromSeconds(1));

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private AgreementNotifier Notifier { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IEnumerable<(int Id, string Name)> ClassChoices =>
        (_projects ?? []).Where(p => _filter.ProjectId is null || p.Id == _filter.ProjectId)
            .SelectMany(p => p.Classes).Select(c => (c.Id, c.Name)).DistinctBy(c => c.Id);

    private IEnumerable<string> KindChoices => _all.SelectMany(i => i.Kinds).Distinct().Order(StringComparer.Ordinal);

    private IEnumerable<Guid> AnnotatorChoices => _all.SelectMany(i => i.AnnotatorIds).Distinct().OrderBy(a => People.Of(_names, a), StringComparer.Ordinal);

    private IEnumerable<Guid> ImportChoices => _all.Select(i => i.ImportId).Distinct();

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _listening = Notifier.Subscribe(OnAgreementChangedAsync);
    }

    private Task OnAgreementChangedAsync(AgreementChanged change)
    {
        if (_projects is not null && change.ProjectIds.Any(p => _projects.Any(mine => mine.Id == p)))
        {
            _refresh.Request(() => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), Leaving);
        }
        return Task.CompletedTask;
    }

    private async Task LoadAsync()
    {
        var user = (await AuthState).User;
        var isManager = user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin);
        await using var scope = Scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        _projects = await QaAccess.ReviewableAsync(session, user.UserId(), isManager, Leaving);
        _all = await AgreementQueries.ItemsAsync(session, [.. _projects.Select(p => p.Id)], Leaving);
        _names = await People.NamesAsync(session, _all.SelectMany(i => i.AnnotatorIds), Leaving);
        _shown = _filter.Apply(_all);
        _updated = DateTimeOffset.UtcNow;
    }

    private void SetFilter(QaItemFilter filter)
    {
        _filter = filter;
        _shown = _filter.Apply(_all);
    }

    private string ProjectName(Guid id) => _projects?.FirstOrDefault(p => p.Id == id)?.Name ?? "";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listening?.Dispose();
        }
        base.Dispose(disposing);
    }
}
