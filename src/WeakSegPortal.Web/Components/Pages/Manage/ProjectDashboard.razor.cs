using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using WeakSegPortal.Core.Dashboard;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Components.Pages.Manage;

/// <summary>
/// A project's coverage dashboard for its managers (<see cref="CoverageReport"/>), re-read whenever the agreement
/// subscription reports a change in the project: labels and submissions on any node reach it through
/// <see cref="AgreementBroadcast"/> and this node's <see cref="AgreementNotifier"/>, at most once a second.
/// </summary>
public sealed partial class ProjectDashboard
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly RefreshThrottle _refresh = new(TimeSpan.FromSeconds(1));
    private readonly BarChartOptions _countAxis = new() { YAxisTicks = 1 };
    private readonly LineChartOptions _shareAxis = new() { YAxisSuggestedMax = 1, YAxisTicks = 1, ShowDataMarkers = true };
    private bool _loading = true;
    private CoverageReport? _report;
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();
    private List<(int Id, string Name)> _classes = [];
    private List<string> _kinds = [];
    private List<ChartSeries<double>> _throughputSeries = [];
    private string[] _throughputLabels = [];
    private List<ChartSeries<double>> _agreementSeries = [];
    private string[] _agreementLabels = [];
    private DatasetFilter _filter = new();
    private IDisposable? _listening;
    private string? _error;

    /// <summary>The project whose campaign is shown.</summary>
    [Parameter] public Guid ProjectId { get; set; }
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private AgreementNotifier Notifier { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<ProjectDashboard> Log { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _listening?.Dispose();
        _listening = Notifier.Subscribe(change =>
        {
            if (change.ProjectIds.Contains(ProjectId))
            {
                _refresh.Request(() => InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                }), Leaving);
            }
            return Task.CompletedTask;
        });
        await LoadAsync();
        _loading = false;
    }

    /// <summary>Reads the report; a failure is shown on the page (and logged) instead of leaving it loading.</summary>
    private async Task LoadAsync()
    {
        try
        {
            await ReadAsync();
            _error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LogError(e, "The coverage dashboard of project {ProjectId} could not be read", ProjectId);
            _error = $"The dashboard could not be read ({e.GetType().Name}: {e.Message}).";
        }
    }

    private async Task ReadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var report = await CoverageReportQuery.LoadAsync(session, ProjectId, Clock.GetUtcNow(), Leaving);
        var project = await session.LoadAsync<ProjectSummary>(ProjectId, Leaving);
        if (report is null || project is null)
        {
            _report = null;
            return;
        }
        _names = await People.NamesAsync(session, report.Annotators.Select(a => a.AnnotatorId), Leaving);
        // Retired classes that still have labels keep a row, under their id.
        _classes = [.. project.Classes.Select(c => (c.Id, c.Name))
            .Concat(report.Cells.Select(c => c.ClassId).Where(id => project.Classes.TrueForAll(c => c.Id != id)).Distinct().Select(id => (id, $"class {id}")))];
        _kinds = [.. report.Cells.Select(c => c.Kind).Distinct(StringComparer.Ordinal)];
        _throughputLabels = [.. report.Throughput.Select(d => d.Day.ToString("MM-dd", Inv))];
        _throughputSeries = [new() { Name = "Items submitted", Data = new ChartData<double>([.. report.Throughput.Select(d => (double)d.Submitted)]) }];
        var days = report.AgreementOverTime.Select(p => p.Day).Distinct().Order().ToList();
        _agreementLabels = [.. days.Select(d => d.ToString("MM-dd", Inv))];
        _agreementSeries = [.. report.AgreementOverTime.Select(p => p.ClassId).Distinct().Order().Select(classId => new ChartSeries<double>
        {
            Name = ClassName(classId),
            Data = new ChartData<double>([.. days.Select(d => report.AgreementOverTime.FirstOrDefault(p => p.Day == d && p.ClassId == classId)?.MeanDice ?? double.NaN)]),
        })];
        _report = report;
    }

    private string ClassName(int classId) => _classes.Find(c => c.Id == classId) is { Name: { } name } ? name : $"class {classId}";

    private static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private static string F(double? value, string format = "0.00") => value is { } v ? v.ToString(format, Inv) : "—";

    private static string Duration(double seconds) =>
        seconds < 90 ? $"{seconds.ToString("0", Inv)} s" : seconds < 5400 ? $"{(seconds / 60).ToString("0", Inv)} min" : $"{(seconds / 3600).ToString("0.0", Inv)} h";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listening?.Dispose();
        }
        base.Dispose(disposing);
    }
}
