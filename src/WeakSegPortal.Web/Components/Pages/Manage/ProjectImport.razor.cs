using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.DataImport;
using WeakSegPortal.Web.DataImport.DicomWeb;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Components.Pages.Manage;

/// <summary>Upload files, folders and .zip archives, or pull a series from a PACS, into a project; shows progress and each file's outcome.</summary>
public partial class ProjectImport
{
    /// <summary>How many chosen files are listed by name; a folder may hold thousands.</summary>
    private const int ChosenShown = 200;

    private readonly List<IBrowserFile> _chosen = [];
    private readonly Stopwatch _sinceRender = Stopwatch.StartNew();
    private ProjectSummary? _project;
    private bool _missing;
    private bool _busy;
    private bool _finished;
    private string? _chosenMessage;
    private ImportProgress? _upload;
    private ImportProgress? _decode;
    private ImportReport? _report;
    private string? _error;
    private string? _baseUrl;
    private string? _patientName;
    private string? _pacsError;
    private IReadOnlyList<DicomWebStudy>? _studies;
    private DicomWebStudy? _study;
    private IReadOnlyList<DicomWebSeries>? _series;

    [Parameter] public Guid ProjectId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private IOptions<ImportOptions> ImportSettings { get; set; } = default!;
    [Inject] private IOptions<DicomWebOptions> DicomWebSettings { get; set; } = default!;

    private ImportOptions Limits => ImportSettings.Value;

    protected override async Task OnParametersSetAsync()
    {
        _baseUrl ??= DicomWebSettings.Value.BaseUrl;
        await using var scope = Scopes.CreateAsyncScope();
        _project = await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ProjectSummary>(ProjectId, Leaving);
        _missing = _project is null;
    }

    private Task ChooseAsync(InputFileChangeEventArgs e)
    {
        _chosenMessage = null;
        if (e.FileCount > Limits.MaxFiles)
        {
            _chosenMessage = $"{e.FileCount} files picked; at most {Limits.MaxFiles} at once. Zip them, or import in parts.";
            return Task.CompletedTask;
        }
        _chosen.AddRange(e.GetMultipleFiles(Limits.MaxFiles));
        if (_chosen.Sum(f => f.Size) > Limits.MaxUploadBytes)
        {
            _chosenMessage = $"The files add up to {FormatBytes(_chosen.Sum(f => f.Size))}, more than the {FormatBytes(Limits.MaxUploadBytes)} one import takes; the rest will be refused.";
        }
        return Task.CompletedTask;
    }

    private void ClearChosen()
    {
        _chosen.Clear();
        _chosenMessage = null;
    }

    private async Task ImportUploadsAsync()
    {
        await RunAsync(async (by, progress) =>
        {
            using var staging = ImportStaging.Create(Limits.StagingRoot, Limits.MaxUploadBytes);
            var total = _chosen.Sum(f => f.Size);
            long done = 0;
            _upload = new ImportProgress(ImportPhase.Uploading, 0, total);
            foreach (var file in _chosen)
            {
                // InputFile streams through the circuit; each file may be as large as the whole import.
                await using var stream = file.OpenReadStream(Limits.MaxUploadBytes, Leaving);
                var before = done;
                await staging.AddAsync(file.Name, stream, bytes =>
                {
                    _upload = new ImportProgress(ImportPhase.Uploading, before + bytes, total, file.Name);
                    RenderNow(false);
                }, Leaving);
                done = before + file.Size;
            }
            _upload = new ImportProgress(ImportPhase.Uploading, total, total);
            _chosen.Clear();
            await using var scope = Scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProjectImporter>().ImportAsync(ProjectId, by, staging, progress, Leaving);
        });
    }

    private async Task SearchStudiesAsync()
    {
        _pacsError = null;
        _series = null;
        _study = null;
        if (PacsUrl() is not { } url)
        {
            return;
        }
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            _studies = await scope.ServiceProvider.GetRequiredService<DicomWebImporter>().SearchStudiesAsync(url, _patientName, Leaving);
        }
        catch (DicomWebException e)
        {
            _pacsError = $"The PACS could not be searched: {e.Message}";
        }
    }

    private async Task ListSeriesAsync(DicomWebStudy study)
    {
        _pacsError = null;
        if (PacsUrl() is not { } url)
        {
            return;
        }
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            _series = await scope.ServiceProvider.GetRequiredService<DicomWebImporter>().SearchSeriesAsync(url, study.StudyInstanceUid, Leaving);
            _study = study;
        }
        catch (DicomWebException e)
        {
            _pacsError = $"The series of this study could not be listed: {e.Message}";
        }
    }

    private async Task ImportSeriesAsync(DicomWebSeries series)
    {
        if (PacsUrl() is not { } url || _study is not { } study)
        {
            return;
        }
        _upload = null;
        await RunAsync(async (by, progress) =>
        {
            await using var scope = Scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DicomWebImporter>()
                .ImportSeriesAsync(ProjectId, by, url, study.StudyInstanceUid, series.SeriesInstanceUid, progress, Leaving);
        });
    }

    /// <summary>Runs one import with the page's progress and error handling.</summary>
    private async Task RunAsync(Func<Guid, IProgress<ImportProgress>, Task<ImportReport?>> import)
    {
        _busy = true;
        _error = null;
        _report = null;
        _decode = null;
        try
        {
            var by = (await AuthState).User.UserId();
            _finished = false;
            var progress = new Progress<ImportProgress>(p =>
            {
                if (_finished)
                {
                    return;
                }
                _decode = p;
                RenderNow(p.Phase == ImportPhase.Finished);
            });
            _report = await import(by, progress);
            _missing = _report is null;
            if (_report is not null)
            {
                // Progress<T> posts its reports; one still queued must not pull the finished bar back.
                _finished = true;
                _decode = new ImportProgress(ImportPhase.Finished, 1, 1);
            }
        }
        catch (Exception e) when (e is DicomWebException or HttpRequestException or IOException or InvalidOperationException)
        {
            _error = $"The import failed: {e.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    private Uri? PacsUrl()
    {
        if (Uri.TryCreate(_baseUrl?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }
        _pacsError = "Enter the PACS's DICOMweb base URL (http or https).";
        return null;
    }

    /// <summary>Re-renders at most ten times a second while bytes and units stream in.</summary>
    private void RenderNow(bool always)
    {
        if (always || _sinceRender.ElapsedMilliseconds > 100)
        {
            _sinceRender.Restart();
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private string DimsOf(ImportFileResult file) =>
        _report?.Items.FirstOrDefault(i => i.ItemId == file.ItemId) is { } item ? string.Join(" × ", item.Dims) : "";

    private static string DecodeText(ImportProgress p) => p.Phase switch
    {
        ImportPhase.Retrieving => $"Retrieving from the PACS: {p.Current}",
        ImportPhase.Decoding => $"Decoding: {p.Done} of {p.Total} series/files" + (p.Current is null ? "" : $" ({p.Current})"),
        ImportPhase.Recording => "Recording the import…",
        ImportPhase.Finished => "Import finished.",
        _ => "",
    };

    private static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        >= 1L << 10 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes} B",
    };
}
