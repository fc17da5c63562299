using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Web.DataImport;
using WeakSegPortal.Web.Security;

namespace WeakSegPortal.Web.Tests.DataImport;

/// <summary>Posts files to the import endpoint as a script would, and reads back what the import left.</summary>
internal static class ImportApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Posts the files as a script does: first the antiforgery token (GET /api/antiforgery), then the upload with it.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid projectId, params (string Name, byte[] Content)[] files)
    {
        await WithAntiforgeryAsync(client);
        return await PostWithoutTokenAsync(client, projectId, files);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, SemaphoreSlim> TokenLocks = new();

    /// <summary>Adds the antiforgery header an API write needs to the client, once, also when uploads on one client run at once.</summary>
    public static async Task WithAntiforgeryAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var gate = TokenLocks.GetValue(client, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            if (client.DefaultRequestHeaders.Contains(ApiAntiforgery.HeaderName))
            {
                return;
            }
            using var response = await client.GetAsync(new Uri(ApiAntiforgery.TokenPath, UriKind.Relative));
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<ApiAntiforgery.Token>(Json) is { } token)
            {
                client.DefaultRequestHeaders.Add(token.HeaderName, token.Value);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public static async Task<HttpResponseMessage> PostWithoutTokenAsync(HttpClient client, Guid projectId, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return await client.PostAsync(new Uri($"/api/projects/{projectId}/imports", UriKind.Relative), form);
    }

    public static async Task<ImportReport> ImportAsync(HttpClient client, Guid projectId, params (string Name, byte[] Content)[] files)
    {
        using var response = await PostAsync(client, projectId, files);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ImportReport>(Json))!;
    }

    public static (string, byte[]) File(string path, string? name = null) => (name ?? Path.GetFileName(path), System.IO.File.ReadAllBytes(path));

    public static async Task<IReadOnlyList<ItemView>> ItemsAsync(IServiceProvider services, Guid projectId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ItemView>().Where(i => i.ProjectId == projectId).ToListAsync();
    }

    public static async Task<ImportRecorded?> RecordAsync(IServiceProvider services, Guid importId)
    {
        await using var scope = services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(importId);
        return events.Select(e => e.Data).OfType<ImportRecorded>().SingleOrDefault();
    }
}
