using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Training;

namespace WeakSegPortal.Web.Components.Pages.Manage;

/// <summary>
/// A project's training page: start a job (configuration, optional starting checkpoint), follow it live (progress bar and a chart
/// of loss and validation Dice per epoch, refreshed when the worker reports, on whichever node: <see cref="TrainingNotifier"/>, <see cref="TrainingBroadcast"/>), cancel it, and the
/// model versions with their figures, promotion and downloads.
/// </summary>
public sealed partial class ProjectTraining
{
    private LineChartOptions _chartOptions = new() { YAxisSuggestedMax = 1, YAxisTicks = 1, ShowDataMarkers = true };
    private bool _loading = true;
    private bool _busy;
    private ProjectSummary? _project;
    private TrainingJob? _current;
    private IReadOnlyList<ModelVersionSummary> _versions = [];
    private Guid? _promotedId;
    private TrainingConfigForm _form = new();
    private IBrowserFile? _checkpoint;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _error;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];

    [Parameter] public Guid ProjectId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private TrainingNotifier Notifier { get; set; } = default!;
    [Inject] private IOptions<TrainingOptions> Options { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        FollowChanges(Notifier, ProjectId);
        await LoadAsync();
        if (_current is { } last)
        {
            // A new job starts from the last one's configuration.
            _form = TrainingConfigForm.From(last.Config);
        }
        _loading = false;
    }

    protected override async Task LoadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var catalog = scope.ServiceProvider.GetRequiredService<ModelCatalog>();
        _project = await session.LoadAsync<ProjectSummary>(ProjectId, Leaving);
        _current = await session.Query<TrainingJob>().Where(j => j.ProjectId == ProjectId).OrderByDescending(j => j.RequestedAt).FirstOrDefaultAsync(Leaving);
        _versions = await catalog.VersionsAsync(ProjectId, Leaving);
        _promotedId = (await catalog.PromotedAsync(ProjectId, Leaving))?.ModelVersionId;
        var points = _current?.Points ?? [];
        _labels = [.. points.Select(p => p.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        // Loss and Dice share the axis: 0 to 1, or to the largest loss above it.
        var top = Math.Max(1, Math.Ceiling(points.Select(p => p.Loss).DefaultIfEmpty(0).Max()));
        _chartOptions = new() { YAxisSuggestedMax = top, YAxisTicks = 1, YAxisFormat = "0.0", ShowDataMarkers = true };
        _series =
        [
            new ChartSeries<double> { Name = "Loss", Data = new ChartData<double>([.. points.Select(p => p.Loss)]) },
            new ChartSeries<double> { Name = "Validation Dice", Data = new ChartData<double>([.. points.Select(p => p.ValidationDice ?? 0)]) },
        ];
    }

    private void ChooseCheckpoint(InputFileChangeEventArgs e)
    {
        _checkpoint = e.FileCount > 0 ? e.File : null;
        _errors = new Dictionary<string, string>();
    }

    private async Task StartAsync()
    {
        _error = null;
        var config = _form.ToConfig();
        _errors = TrainingConfigRules.Validate(config);
        if (_errors.Count > 0)
        {
            return;
        }
        _busy = true;
        try
        {
            var user = (await AuthState).User;
            await using var scope = Scopes.CreateAsyncScope();
            var starter = scope.ServiceProvider.GetRequiredService<TrainingStarter>();
            await using var upload = _checkpoint?.OpenReadStream(Options.Value.MaxBlobBytes, Leaving);
            var result = await starter.StartAsync(ProjectId, user.UserId(), IsManager(user), config, upload, Leaving);
            if (!result.Succeeded)
            {
                _errors = result.Errors;
                _error = result.Errors.GetValueOrDefault("");
                return;
            }
            _checkpoint = null;
            Snackbar.Add("Training requested: a worker will pick it up.", Severity.Success);
            await LoadAsync();
        }
        catch (IOException e)
        {
            // The browser's upload went past the limit or broke off: nothing was stored.
            _errors = new Dictionary<string, string> { [TrainingStarter.CheckpointField] = e.Message };
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CancelAsync()
    {
        if (_current is not { } job)
        {
            return;
        }
        _busy = true;
        try
        {
            var user = (await AuthState).User;
            await using var scope = Scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CancelTrainingHandler>()
                .HandleAsync(new CancelTraining(job.Id, user.UserId(), IsManager(user)), Leaving);
            _error = result.Succeeded ? null : string.Join(" ", result.Errors.Values);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PromoteAsync(ModelVersionSummary version)
    {
        _busy = true;
        try
        {
            var user = (await AuthState).User;
            if (!IsManager(user))
            {
                _error = "Only a project manager promotes a model.";
                return;
            }
            await using var scope = Scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<PromoteModelHandler>()
                .HandleAsync(new PromoteModel(ProjectId, version.ModelVersionId, user.UserId()), Leaving);
            _error = result.Succeeded ? null : string.Join(" ", result.Errors.Values);
            if (result.Succeeded)
            {
                Snackbar.Add($"Version {version.Version} now serves the project's suggestions.", Severity.Success);
            }
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static bool IsManager(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin);

    private string? Error(string key) => _errors.TryGetValue(key, out var message) ? message : null;

    private bool HasError(string key) => _errors.ContainsKey(key);

    private static Color StatusColour(string status) => status switch
    {
        TrainingJobStatus.Running => Color.Info,
        TrainingJobStatus.Completed => Color.Success,
        TrainingJobStatus.Failed => Color.Error,
        TrainingJobStatus.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    private static string StatusText(TrainingJob job) => job.Status switch
    {
        TrainingJobStatus.Waiting => job.Attempt == 0 ? "Waiting for a worker" : "Waiting for a worker to resume it",
        TrainingJobStatus.Running => job.CancelRequested ? "Cancelling" : "Running",
        TrainingJobStatus.Completed => "Completed",
        TrainingJobStatus.Failed => "Failed",
        TrainingJobStatus.Cancelled => "Cancelled",
        _ => job.Status,
    };

    private static string Duration(long ms)
    {
        var span = TimeSpan.FromMilliseconds(ms);
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s" : $"{span.TotalSeconds:0.#} s";
    }

}
