using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.DataImport.DicomWeb;

/// <summary>
/// Searches a PACS and imports a series from it: WADO-RS retrieve into a staging folder, then the same
/// pipeline as uploads. Only PACS the configuration allows are contacted (<see cref="DicomWebOptions.IsAllowed"/>),
/// redirects are not followed, and whatever goes wrong on the way reaches the caller as a
/// <see cref="DicomWebException"/> with a message fit to show, never the PACS's own reply.
/// </summary>
public sealed class DicomWebImporter(IHttpClientFactory httpClients, ProjectImporter importer, IOptions<ImportOptions> options, IOptions<DicomWebOptions> pacs)
{
    public const string HttpClientName = "dicomweb";

    public Task<IReadOnlyList<DicomWebStudy>> SearchStudiesAsync(Uri baseUrl, string? patientName, CancellationToken ct) =>
        Use(baseUrl, client => client.SearchStudiesAsync(patientName, ct));

    public Task<IReadOnlyList<DicomWebSeries>> SearchSeriesAsync(Uri baseUrl, string studyInstanceUid, CancellationToken ct) =>
        Use(baseUrl, client => client.SearchSeriesAsync(studyInstanceUid, ct));

    /// <summary>Returns null when the project does not exist.</summary>
    public async Task<ImportReport?> ImportSeriesAsync(
        Guid projectId, Guid by, Uri baseUrl, string studyInstanceUid, string seriesInstanceUid, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var staging = ImportStaging.Create(options.Value.StagingRoot, options.Value.MaxUploadBytes);
        var count = 0;
        await Use(baseUrl, client => client.RetrieveSeriesAsync(studyInstanceUid, seriesInstanceUid, async (instance, token) =>
        {
            count++;
            await staging.AddAsync($"pacs/{seriesInstanceUid}/{count:D5}.dcm", instance, null, token);
            progress?.Report(new ImportProgress(ImportPhase.Retrieving, count, 0, $"{count} instances"));
        }, ct));
        return await importer.ImportAsync(projectId, by, staging, progress, ct);
    }

    private async Task<T> Use<T>(Uri baseUrl, Func<DicomWebClient, Task<T>> call)
    {
        if (!pacs.Value.IsAllowed(baseUrl))
        {
            throw new DicomWebException($"{baseUrl.Authority} is not a PACS this portal may reach. An administrator can add it to DicomWeb:AllowedHosts.");
        }
        using var http = httpClients.CreateClient(HttpClientName);
        // Relative QIDO/WADO paths append to the root only when it ends with '/'.
        http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        try
        {
            return await call(new DicomWebClient(http));
        }
        catch (HttpRequestException)
        {
            throw new DicomWebException($"The PACS at {baseUrl.Authority} could not be reached.");
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new DicomWebException($"The PACS at {baseUrl.Authority} did not answer in time.");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or KeyNotFoundException or IndexOutOfRangeException or InvalidDataException)
        {
            throw new DicomWebException($"The PACS at {baseUrl.Authority} answered with something that is not DICOMweb.");
        }
    }
}
