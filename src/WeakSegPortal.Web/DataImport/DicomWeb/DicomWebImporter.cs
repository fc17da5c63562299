using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.DataImport.DicomWeb;

/// <summary>Searches a PACS and imports a series from it: WADO-RS retrieve into a staging folder, then the same pipeline as uploads.</summary>
public sealed class DicomWebImporter(IHttpClientFactory httpClients, ProjectImporter importer, IOptions<ImportOptions> options)
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
        using var http = httpClients.CreateClient(HttpClientName);
        // Relative QIDO/WADO paths append to the root only when it ends with '/'.
        http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return await call(new DicomWebClient(http));
    }
}
