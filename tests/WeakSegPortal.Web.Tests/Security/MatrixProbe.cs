using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Guidelines;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Security;

/// <summary>
/// Calls one route or every hub method of <see cref="AuthorizationMatrix"/> as a caller would (a cookie, a personal
/// API token, or nothing) and records the answer: the matrix tests, the token tests and the patient-data tests share it.
/// </summary>
public sealed partial class MatrixProbe(PortalFactory factory)
{
    public const string SignOut = "POST /account/logout";

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public static bool Holds(MatrixCall call) => !call.Error && call.Expected switch
    {
        Expect.Allow => call.Served,
        Expect.Refuse => !call.Served,
        Expect.Blind => true,
        _ => false,
    };

    public async Task<Guid> ExampleAsync(Guid project)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>().AddAsync(project, new MemoryStream(Png), "Matrix example", Guid.Empty, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Id;
    }

    /// <summary>A registered model version of the project whose files are in the blob store (what a completed training job leaves).</summary>
    public async Task<Guid> ModelVersionAsync(Guid project)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var blobs = scope.ServiceProvider.GetRequiredService<WeakSegPortal.Imaging.Storage.IBlobStore>();
        var hash = (await blobs.PutAsync(new MemoryStream("matrix model"u8.ToArray()), CancellationToken.None)).Hex;
        var session = scope.ServiceProvider.GetRequiredService<Marten.IDocumentSession>();
        var version = Guid.NewGuid();
        session.Events.Append(WeakSegPortal.Core.Training.ModelStreams.ForProject(project), new WeakSegPortal.Core.Training.ModelVersionRegistered(version, project, Guid.NewGuid(), 1, new WeakSegPortal.Core.Training.TrainingConfig(), 2,
            hash, hash, 0.5, 0.8, 1, 0, [], [], 1000, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return version;
    }

    /// <summary>A completed export of the project whose zip is in the blob store (what the export runner leaves).</summary>
    public async Task<Guid> ExportAsync(Guid project)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var blobs = scope.ServiceProvider.GetRequiredService<WeakSegPortal.Imaging.Storage.IBlobStore>();
        var hash = (await blobs.PutAsync(new MemoryStream("matrix export"u8.ToArray()), CancellationToken.None)).Hex;
        var session = scope.ServiceProvider.GetRequiredService<Marten.IDocumentSession>();
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        session.Events.StartStream<WeakSegPortal.Core.Exports.ProjectExport>(id,
            new WeakSegPortal.Core.Exports.ExportRequested(id, project, ["weak-labels"], WeakSegPortal.Core.Exports.ExportFilter.All, Guid.Empty, now),
            new WeakSegPortal.Core.Exports.ExportStarted(id, project, "matrix", 0, now),
            new WeakSegPortal.Core.Exports.ExportCompleted(id, project, hash, 13, "matrix.zip", [], now));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>A box by the world's annotator; returns its annotation id, the mark a leak would carry.</summary>
    public static async Task<Guid> LabelAsync(QaWorld world, int annotator)
    {
        await using var hub = await world.ConnectAsync(annotator);
        var ack = await QaWorld.BoxAsync(hub, world.Item, 30, 30, 40, 40);
        return ack.AnnotationId!.Value;
    }

    public async Task<MatrixCall> RouteAsync(string key, Rule rule, Caller caller, Target target, MatrixIds ids, string? cookie, string? bearer = null)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        // "*": an endpoint for every method (health); called as a probe would, with GET.
        var method = key[..space] == "*" ? HttpMethod.Get : new HttpMethod(key[..space]);
        var path = Fill(key[(space + 1)..], ids);
        var page = !path.StartsWith("/api/", StringComparison.Ordinal) && key.StartsWith("GET ", StringComparison.Ordinal);
        var expected = AuthorizationMatrix.For(rule, caller, target, page);
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (bearer is not null)
        {
            // A script with a personal API token: no cookie, no antiforgery token.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (method != HttpMethod.Get)
        {
            if (bearer is null)
            {
                await AddAntiforgeryAsync(client, request, cookie);
            }
            request.Content = path.EndsWith("/imports", StringComparison.Ordinal)
                ? new MultipartFormDataContent()
                : new FormUrlEncodedContent(new Dictionary<string, string>());
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var signedOut = key == SignOut && status == 302 && SignsOut(response);
        // Served: past every check. 400 is a refusal of the (empty) input after access was granted; 410 an item without pixels.
        var served = status is (>= 200 and < 300) or 400 or 410 || signedOut;
        var refused = !served && (status is 401 or 403 or 404
            || (status == 302 && (location.Contains("/login", StringComparison.Ordinal) || location.Contains("/access-denied", StringComparison.Ordinal))));
        return new MatrixCall(key, caller, target, expected, $"{status} {location}".Trim(), served, body, Error: !served && !refused);
    }

    private static bool SignsOut(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(SignInCookie.Name + "=;", StringComparison.Ordinal));

    /// <summary>The antiforgery pair a script or page sends with a write: the cookie and the header, fetched with this caller's cookie.</summary>
    private static async Task AddAntiforgeryAsync(HttpClient client, HttpRequestMessage request, string? cookie)
    {
        using var tokenResponse = await client.GetAsync(new Uri(WeakSegPortal.Web.Security.ApiAntiforgery.TokenPath, UriKind.Relative));
        if (!tokenResponse.IsSuccessStatusCode)
        {
            return;
        }
        var token = JsonSerializer.Deserialize<WeakSegPortal.Web.Security.ApiAntiforgery.Token>(await tokenResponse.Content.ReadAsStringAsync(), WebJson)!;
        request.Headers.Add(token.HeaderName, token.Value);
        var antiforgeryCookies = tokenResponse.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : [];
        request.Headers.Remove("Cookie");
        request.Headers.Add("Cookie", string.Join("; ", antiforgeryCookies.Prepend(cookie).OfType<string>()));
        client.DefaultRequestHeaders.Remove("Cookie");
    }

    private static string Fill(string pattern, MatrixIds ids) => RouteParameter().Replace(pattern, m =>
    {
        var name = m.Groups["name"].Value.ToLowerInvariant();
        var before = pattern[..m.Index].TrimEnd('/');
        var segment = before[(before.LastIndexOf('/') + 1)..];
        return name switch
        {
            "itemid" => ids.Item.ToString(),
            "projectid" => ids.Project.ToString(),
            "exampleid" => ids.Example.ToString(),
            "id" when segment == "items" => ids.Item.ToString(),
            "id" when segment == "projects" => ids.Project.ToString(),
            "orientation" => "axial",
            "index" => "0",
            "contenthash" or "hash" => new string('0', 64),
            "versionid" => ids.ModelVersion.ToString(),
            "jobid" => Guid.NewGuid().ToString(),
            "exportid" => ids.Export.ToString(),
            "file" => "onnx",
            _ => throw new InvalidOperationException($"The matrix does not know what to put in {{{name}}} of {pattern}; teach Fill."),
        };
    });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>Each hub method called by this caller on the target's item: refused when the caller cannot even connect.</summary>
    public async Task<IReadOnlyList<MatrixCall>> HubCallsAsync(Caller caller, Target target, MatrixIds ids, string? cookie)
    {
        var calls = new List<MatrixCall>();
        foreach (var methods in AuthorizationMatrix.HubMethods.GroupBy(m => m.Key[..m.Key.IndexOf('.', StringComparison.Ordinal)]))
        {
            calls.AddRange(await HubCallsAsync(methods.Key == nameof(WorkerHub) ? WorkerHub.Path : AnnotationHub.Path, methods, caller, target, ids, cookie));
        }
        return calls;
    }

    private async Task<IReadOnlyList<MatrixCall>> HubCallsAsync(string path, IEnumerable<KeyValuePair<string, Rule>> methods, Caller caller, Target target, MatrixIds ids, string? cookie)
    {
        HubConnection? hub = null;
        try
        {
            hub = cookie is null ? null : await HubClients.ConnectWithCookieAsync(factory, path, cookie);
        }
        catch (HttpRequestException)
        {
            hub = null;
        }
        try
        {
            var calls = new List<MatrixCall>();
            foreach (var (key, rule) in methods)
            {
                var expected = AuthorizationMatrix.For(rule, caller, target, page: false);
                if (hub is null)
                {
                    calls.Add(new MatrixCall(key, caller, target, expected, "could not connect", false, ""));
                    continue;
                }
                var (served, outcome, body) = await MatrixHubCalls.InvokeAsync(hub, key, ids.Item);
                calls.Add(new MatrixCall(key, caller, target, key.EndsWith("GetMyAnnotations", StringComparison.Ordinal) && expected == Expect.Refuse ? Expect.Blind : expected, outcome, served, body));
            }
            return calls;
        }
        finally
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }
        }
    }
}
