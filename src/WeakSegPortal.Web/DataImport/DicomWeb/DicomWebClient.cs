using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace WeakSegPortal.Web.DataImport.DicomWeb;

/// <summary>
/// A small DICOMweb client: QIDO-RS search for studies and series, WADO-RS retrieval of a series
/// as Part-10 files. Copes with what real servers do: an unknown study answers 200 with [] (or
/// 204), the multipart boundary may be unquoted, and a bare application/dicom Accept is refused.
/// </summary>
public sealed class DicomWebClient(HttpClient http)
{
    private const string StudyUid = "0020000D", SeriesUid = "0020000E", PatientName = "00100010", PatientId = "00100020";
    private const string StudyDate = "00080020", StudyDescription = "00081030", ModalitiesInStudy = "00080061";
    private const string Modality = "00080060", SeriesDescription = "0008103E", SeriesInstances = "00201209";

    public async Task<IReadOnlyList<DicomWebStudy>> SearchStudiesAsync(string? patientName, CancellationToken ct)
    {
        var query = "studies?includefield=00081030&includefield=00080061&limit=200" +
                    (string.IsNullOrWhiteSpace(patientName) ? "" : $"&PatientName={EscapeKeepingWildcards(NamePattern(patientName))}");
        var datasets = await QueryAsync(query, ct);
        return [.. datasets.Select(d => new DicomWebStudy(
            DicomJson.Text(d, StudyUid), DicomJson.Text(d, PatientName), DicomJson.Text(d, PatientId),
            DicomJson.Text(d, StudyDate), DicomJson.Text(d, StudyDescription), DicomJson.Texts(d, ModalitiesInStudy)))];
    }

    public async Task<IReadOnlyList<DicomWebSeries>> SearchSeriesAsync(string studyInstanceUid, CancellationToken ct)
    {
        var datasets = await QueryAsync($"studies/{Uri.EscapeDataString(studyInstanceUid)}/series?includefield=0008103E&includefield=00201209", ct);
        return [.. datasets.Select(d => new DicomWebSeries(
            DicomJson.Text(d, SeriesUid), DicomJson.Text(d, Modality), DicomJson.Text(d, SeriesDescription), DicomJson.Number(d, SeriesInstances)))];
    }

    /// <summary>Retrieves every instance of a series, handing each Part-10 stream to <paramref name="onInstance"/>; returns the count.</summary>
    public async Task<int> RetrieveSeriesAsync(string studyInstanceUid, string seriesInstanceUid, Func<Stream, CancellationToken, Task> onInstance, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onInstance);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"studies/{Uri.EscapeDataString(studyInstanceUid)}/series/{Uri.EscapeDataString(seriesInstanceUid)}");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("multipart/related; type=\"application/dicom\""));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        var boundary = Boundary(response.Content.Headers.ContentType?.ToString() ?? "");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null };
        var count = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            await onInstance(section.Body, ct);
            count++;
        }
        return count;
    }

    /// <summary>A name as typed matches names that start with it; a name with wildcards is taken as it is.</summary>
    private static string NamePattern(string name)
    {
        name = name.Trim();
        return name.Contains('*', StringComparison.Ordinal) || name.Contains('?', StringComparison.Ordinal) ? name : name + "*";
    }

    // Orthanc does not decode %2A back to '*': wildcards must travel as they are.
    private static string EscapeKeepingWildcards(string value) =>
        Uri.EscapeDataString(value).Replace("%2A", "*", StringComparison.Ordinal).Replace("%3F", "?", StringComparison.Ordinal);

    private async Task<List<JsonElement>> QueryAsync(string relative, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/dicom+json"));
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
        {
            throw new DicomWebException("The PACS answered with JSON that is not a list of DICOM datasets.");
        }
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>A refusal names the status only: the PACS's reply is never shown (it may be any server's page).</summary>
    private static Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return response.IsSuccessStatusCode
            ? Task.CompletedTask
            : throw new DicomWebException((int)response.StatusCode is >= 300 and < 400
                ? $"The PACS answered with a redirect ({(int)response.StatusCode}); redirects are not followed. Enter the PACS's own DICOMweb address."
                : $"The PACS answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }

    /// <summary>The multipart boundary, quoted or not, even when another parameter holds a ';' inside quotes.</summary>
    internal static string Boundary(string contentType)
    {
        if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && HeaderUtilities.RemoveQuotes(parsed.Boundary).Value is { Length: > 0 } found)
        {
            return found;
        }
        throw new DicomWebException($"The PACS sent no multipart boundary (Content-Type: {contentType}).");
    }
}
