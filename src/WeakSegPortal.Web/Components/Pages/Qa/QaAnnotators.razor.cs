using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Components.Pages.Qa;

/// <summary>Scorecards of a project's annotators, with charts; updated live as the daemon rewrites them.</summary>
public partial class QaAnnotators
{
    private IReadOnlyList<ProjectSummary>? _projects;
    private Guid _projectId;
    private List<AnnotatorScorecard> _cards = [];
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();
    private string[] _labels = [];
    private List<ChartSeries<double>> _qualitySeries = [];
    private List<ChartSeries<double>> _speedSeries = [];
    private IDisposable? _listening;
    // Agreement, Dice and acceptance are drawn as percentages on a fixed 0–100 axis, comparable between projects.
    private readonly BarChartOptions _shareAxis = new() { YAxisSuggestedMax = 100, YAxisTicks = 20 };
    private BarChartOptions _secondsAxis = new();
    private readonly RefreshThrottle _refresh = new(TimeSpan.FromSeconds(1));

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private AgreementNotifier Notifier { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            _projects = await QaAccess.ReviewableAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), user.UserId(),
                user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin), Leaving);
        }
        if (_projects.Count > 0)
        {
            await SelectProjectAsync(_projects[0].Id);
        }
        _listening = Notifier.Subscribe(change =>
        {
            if (change.ProjectIds.Contains(_projectId))
            {
                _refresh.Request(() => InvokeAsync(async () =>
                {
                    await SelectProjectAsync(_projectId);
                    StateHasChanged();
                }), Leaving);
            }
            return Task.CompletedTask;
        });
    }

    private async Task SelectProjectAsync(Guid projectId)
    {
        _projectId = projectId;
        await using var scope = Scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var cards = await AgreementQueries.ScorecardsAsync(session, [projectId], Leaving);
        _names = await People.NamesAsync(session, cards.Select(c => c.AnnotatorId), Leaving);
        _cards = [.. cards.OrderBy(c => People.Of(_names, c.AnnotatorId), StringComparer.Ordinal)];
        _labels = [.. _cards.Select(c => People.Of(_names, c.AnnotatorId))];
        _qualitySeries =
        [
            new() { Name = "Agreement with consensus (%)", Data = new ChartData<double>([.. _cards.Select(c => 100 * (c.AgreementWithConsensus ?? 0))]) },
            new() { Name = "Gold Dice (%)", Data = new ChartData<double>([.. _cards.Select(c => 100 * (c.GoldDice ?? 0))]) },
            new() { Name = "Suggestions accepted (%)", Data = new ChartData<double>([.. _cards.Select(c => 100 * c.SuggestionAcceptance)]) },
        ];
        // A project nobody has labelled yet has no scorecards: the axis then starts at one second.
        var slowest = _cards.Select(c => c.MedianSecondsPerItem ?? 0).DefaultIfEmpty(0).Max();
        _secondsAxis = new() { YAxisSuggestedMax = Math.Max(1, Math.Ceiling(slowest * 1.1)), YAxisTicks = (int)Math.Max(1, Math.Ceiling(slowest / 5)) };
        _speedSeries = [new() { Name = "Median s / item", Data = new ChartData<double>([.. _cards.Select(c => c.MedianSecondsPerItem ?? 0)]) }];
    }

    private static string F(double? value, string format = "0.00") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listening?.Dispose();
        }
        base.Dispose(disposing);
    }
}
