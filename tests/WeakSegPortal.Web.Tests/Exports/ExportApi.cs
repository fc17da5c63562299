using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Web.Tests.DataImport;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Exports;

/// <summary>Starts, follows and downloads exports through the HTTP API as a script of a project manager does.</summary>
internal static class ExportApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Guid> StartAsync(HttpClient manager, Guid project, params string[] formats)
    {
        await ImportApi.WithAntiforgeryAsync(manager);
        using var response = await manager.PostAsJsonAsync($"/api/projects/{project}/exports", new { formats }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    public static Task<ProjectExport> EndedAsync(HttpClient manager, Guid project, Guid export) =>
        Eventually.GetAsync(async () => (await manager.GetFromJsonAsync<List<ProjectExport>>($"/api/projects/{project}/exports", Json))!.Find(e => e.Id == export),
            e => e.IsEnded, TimeSpan.FromSeconds(60));

    /// <summary>Starts an export, waits for it, downloads it and unpacks it into a fresh folder.</summary>
    public static async Task<string> ExportAsync(HttpClient manager, Guid project, params string[] formats)
    {
        var id = await StartAsync(manager, project, [ExportFormats.WeakLabels, .. formats]);
        var ended = await EndedAsync(manager, project, id);
        Assert.True(ended.Status == ExportStatus.Completed, ended.FailureReason);
        var bytes = await manager.GetByteArrayAsync($"/api/projects/{project}/exports/{id}/download");
        var folder = Directory.CreateTempSubdirectory("weakseg-export-test-").FullName;
        using var zip = new ZipArchive(new MemoryStream(bytes));
        zip.ExtractToDirectory(folder);
        return folder;
    }
}
