using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Guidelines;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Tests.DataImport;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Security;

/// <summary>
/// The authorization matrix, generated: every route in the route table and every hub method, called
/// by each role for its own project and for another, and anonymously, must get the answer of
/// <see cref="AuthorizationMatrix"/>; and no answer to an annotator holds another annotator's labels,
/// nor any answer to a project's member anything of a project they are not in.
/// </summary>
public sealed partial class AuthorizationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    private const string SignOut = "POST /account/logout";

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private sealed record Ids(Guid Project, Guid Item, Guid Example, Guid ModelVersion, Guid Export);

    /// <summary>One call and its answer; Error: neither served nor refused (a 500, an odd redirect), wrong whatever was expected.</summary>
    private sealed record Call(string Key, Caller Caller, Target Target, Expect Expected, string Outcome, bool Served, string Body, bool Error = false);

    private IEnumerable<RouteEndpoint> PortalRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.StartsWith("StaticAsset", StringComparison.Ordinal)));

    /// <summary>
    /// "METHOD pattern" of an endpoint, without a trailing slash. A page (Razor component) answers GET
    /// and its forms' POST with one authorization: it is one entry, under GET.
    /// </summary>
    private static IEnumerable<string> KeysOf(RouteEndpoint endpoint)
    {
        var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        if (endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata"))
        {
            return [$"GET {pattern}"];
        }
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
        return methods.Select(m => $"{m} {pattern}");
    }

    private static bool IsTransport(string key) => AuthorizationMatrix.Transports.ContainsKey(key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

    private static IEnumerable<MethodInfo> HubMethods() =>
        typeof(AnnotationHub).Assembly.GetTypes()
            .Where(t => typeof(Hub).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetBaseDefinition().DeclaringType == m.DeclaringType && !m.IsSpecialName);

    [Fact]
    public void Every_route_and_hub_method_has_an_entry_and_every_entry_still_exists()
    {
        var keys = PortalRoutes().SelectMany(KeysOf).Distinct().ToList();
        var missing = keys.Where(k => !AuthorizationMatrix.Routes.ContainsKey(k) && !IsTransport(k)).ToList();
        Assert.True(missing.Count == 0, "Routes without an entry in AuthorizationMatrix.Routes: " + string.Join(", ", missing.Select(k => $"{k} ({string.Join("; ", PortalRoutes().Where(e => KeysOf(e).Contains(k)).Select(e => e.DisplayName))})")));
        var gone = AuthorizationMatrix.Routes.Keys.Except(keys).ToList();
        Assert.True(gone.Count == 0, "Entries for routes that no longer exist: " + string.Join(", ", gone));

        var methods = HubMethods().Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        var missingMethods = methods.Except(AuthorizationMatrix.HubMethods.Keys).ToList();
        Assert.True(missingMethods.Count == 0, "Hub methods without an entry in AuthorizationMatrix.HubMethods: " + string.Join(", ", missingMethods));
        Assert.Empty(AuthorizationMatrix.HubMethods.Keys.Except(methods));
    }

    [Fact]
    public async Task Every_caller_gets_the_answer_of_the_matrix_and_sees_nothing_that_is_not_theirs()
    {
        var own = await new QaWorld(factory, "mx-own").CreateAsync($"Matrix own {Guid.NewGuid():N}");
        var otherName = $"Matrix other {Guid.NewGuid():N}";
        var other = await new QaWorld(factory, "mx-other").CreateAsync(otherName);
        var ownIds = new Ids(own.Project, own.Item, await ExampleAsync(own.Project), await ModelVersionAsync(own.Project), await ExportAsync(own.Project));
        var otherIds = new Ids(other.Project, other.Item, await ExampleAsync(other.Project), await ModelVersionAsync(other.Project), await ExportAsync(other.Project));
        await using (var hub = await own.ConnectAsync(0))
        {
            await QaWorld.BoxAsync(hub, own.Item, 2, 2, 20, 20);
        }
        var secondAnnotatorsLabel = await LabelAsync(own, 1);
        await LabelAsync(other, 0);
        await factory.EnsureUserAsync("mx-manager", QaWorld.Password, Roles.ProjectManager);
        await factory.EnsureUserAsync("mx-admin", QaWorld.Password, Roles.Admin);
        var names = new Dictionary<Caller, string>
        {
            [Caller.Annotator] = own.AnnotatorNames[0],
            [Caller.QaLead] = own.QaLeadName,
            [Caller.Manager] = "mx-manager",
            [Caller.Admin] = "mx-admin",
        };

        var calls = new List<Call>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var cookie = caller == Caller.Anonymous ? null : await HubClients.CookieAsync(factory, names[caller], QaWorld.Password);
            foreach (var target in Enum.GetValues<Target>())
            {
                var ids = target == Target.Own ? ownIds : otherIds;
                foreach (var (key, rule) in AuthorizationMatrix.Routes.Where(r => r.Key != SignOut))
                {
                    calls.Add(await RouteAsync(key, rule, caller, target, ids, cookie));
                }
                calls.AddRange(await HubCallsAsync(caller, target, ids, cookie));
            }
            // Sign-out last: it ends the session every other call used.
            calls.Add(await RouteAsync(SignOut, AuthorizationMatrix.Routes[SignOut], caller, Target.Own, ownIds, cookie));
        }

        var wrong = calls.Where(c => !Holds(c)).Select(c => $"{c.Caller} {c.Target} {c.Key}: expected {c.Expected}, got {c.Outcome}").ToList();
        var foreignMarkers = new[] { otherIds.Project.ToString(), otherIds.Item.ToString(), otherIds.Example.ToString(), otherName };
        var leaks = calls.Where(c => c.Caller is Caller.Annotator or Caller.QaLead)
            .SelectMany(c => foreignMarkers.Where(m => c.Body.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{c.Caller} {c.Target} {c.Key} shows another project's {m}"))
            .Concat(calls.Where(c => c.Caller == Caller.Annotator)
                .Where(c => c.Body.Contains(secondAnnotatorsLabel.ToString(), StringComparison.OrdinalIgnoreCase))
                .Select(c => $"Annotator {c.Target} {c.Key} shows another annotator's label"))
            .ToList();
        Assert.True(wrong.Count == 0 && leaks.Count == 0, string.Join("\n", wrong.Concat(leaks)));
        Assert.Equal(Enum.GetValues<Caller>().Length * ((2 * (AuthorizationMatrix.Routes.Count - 1 + AuthorizationMatrix.HubMethods.Count)) + 1), calls.Count);
    }

    private static bool Holds(Call call) => !call.Error && call.Expected switch
    {
        Expect.Allow => call.Served,
        Expect.Refuse => !call.Served,
        Expect.Blind => true,
        _ => false,
    };

    private async Task<Guid> ExampleAsync(Guid project)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>().AddAsync(project, new MemoryStream(Png), "Matrix example", Guid.Empty, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Id;
    }

    /// <summary>A registered model version of the project whose files are in the blob store (what a completed training job leaves).</summary>
    private async Task<Guid> ModelVersionAsync(Guid project)
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
    private async Task<Guid> ExportAsync(Guid project)
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
    private static async Task<Guid> LabelAsync(QaWorld world, int annotator)
    {
        await using var hub = await world.ConnectAsync(annotator);
        var ack = await QaWorld.BoxAsync(hub, world.Item, 30, 30, 40, 40);
        return ack.AnnotationId!.Value;
    }

    private async Task<Call> RouteAsync(string key, Rule rule, Caller caller, Target target, Ids ids, string? cookie)
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
        if (method != HttpMethod.Get)
        {
            await AddAntiforgeryAsync(client, request, cookie);
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
        return new Call(key, caller, target, expected, $"{status} {location}".Trim(), served, body, Error: !served && !refused);
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

    private static string Fill(string pattern, Ids ids) => RouteParameter().Replace(pattern, m =>
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
    private async Task<IReadOnlyList<Call>> HubCallsAsync(Caller caller, Target target, Ids ids, string? cookie)
    {
        var calls = new List<Call>();
        foreach (var methods in AuthorizationMatrix.HubMethods.GroupBy(m => m.Key[..m.Key.IndexOf('.', StringComparison.Ordinal)]))
        {
            calls.AddRange(await HubCallsAsync(methods.Key == nameof(WorkerHub) ? WorkerHub.Path : AnnotationHub.Path, methods, caller, target, ids, cookie));
        }
        return calls;
    }

    private async Task<IReadOnlyList<Call>> HubCallsAsync(string path, IEnumerable<KeyValuePair<string, Rule>> methods, Caller caller, Target target, Ids ids, string? cookie)
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
            var calls = new List<Call>();
            foreach (var (key, rule) in methods)
            {
                var expected = AuthorizationMatrix.For(rule, caller, target, page: false);
                if (hub is null)
                {
                    calls.Add(new Call(key, caller, target, expected, "could not connect", false, ""));
                    continue;
                }
                var (served, outcome, body) = await InvokeAsync(hub, key, ids.Item);
                calls.Add(new Call(key, caller, target, key.EndsWith("GetMyAnnotations", StringComparison.Ordinal) && expected == Expect.Refuse ? Expect.Blind : expected, outcome, served, body));
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

    private static AnnotationCommand Box(Guid item) => new(Guid.NewGuid(), item, "box", 1, 3, Box: new BoxShape(5, 5, 15, 15), ActiveMs: 2000);

    private static async Task<(bool Served, string Outcome, string Body)> InvokeAsync(HubConnection hub, string key, Guid item)
    {
        try
        {
            switch (key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..])
            {
                case "Submit":
                    var ack = await hub.InvokeAsync<AnnotationAck>("Submit", Box(item));
                    return (ack.Accepted, ack.Accepted ? "accepted" : $"refused: {ack.Reason}", JsonSerializer.Serialize(ack));
                case "SubmitMany":
                    var acks = await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", new[] { Box(item) });
                    return (acks.All(a => a.Accepted), string.Join(", ", acks.Select(a => a.Accepted ? "accepted" : $"refused: {a.Reason}")), JsonSerializer.Serialize(acks));
                case "GetMyAnnotations":
                    var mine = await hub.InvokeAsync<JsonElement>("GetMyAnnotations", item.ToString());
                    return (mine.GetArrayLength() > 0, $"{mine.GetArrayLength()} labels", mine.GetRawText());
                case "Focus":
                    await hub.InvokeAsync("Focus", item.ToString());
                    return (true, "focused", "");
                case "Suggest":
                    // Served: past the access rule (this item has no pixels, so a served call is answered "no image").
                    var reply = await hub.InvokeAsync<WeakSegPortal.Web.Suggestions.SuggestReply>("Suggest", new
                    {
                        requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = item, orientation = "axial", slice = 3, classId = 1,
                        box = new { x0 = 5, y0 = 5, x1 = 15, y1 = 15 },
                    });
                    return (reply.Error != AnnotationBatch.NotYours, reply.Ok ? "suggested" : $"refused: {reply.Error}", JsonSerializer.Serialize(reply));
                case "GetSuggestionStatus":
                    var status = await hub.InvokeAsync<JsonElement>("GetSuggestionStatus", item.ToString());
                    return (true, "status", status.GetRawText());
                case "ViewSlice":
                    await hub.InvokeAsync("ViewSlice", item.ToString(), "axial", 3);
                    return (true, "viewed", "");
                case "Announce":
                    await hub.InvokeAsync("Announce", new WeakSegPortal.ML.Jobs.WorkerAnnouncement("matrix", "matrix", [], false, "CPU", 1));
                    return (true, "announced", "");
                case "ClaimTraining":
                    await hub.InvokeAsync<WeakSegPortal.ML.Jobs.TrainingAssignment?>("ClaimTraining");
                    return (true, "claimed", "");
                case "ReportTrainingEpoch":
                    await hub.InvokeAsync<WeakSegPortal.ML.Jobs.TrainingDirective>("ReportTrainingEpoch", new WeakSegPortal.ML.Jobs.TrainingEpochReport(Guid.NewGuid(), 1, 1, 1, 0.5, null, null));
                    return (true, "reported", "");
                case "RenewTrainingLease":
                    await hub.InvokeAsync<WeakSegPortal.ML.Jobs.TrainingDirective>("RenewTrainingLease", Guid.NewGuid(), 1);
                    return (true, "renewed", "");
                case "CompleteTraining":
                    await hub.InvokeAsync<Guid>("CompleteTraining", new WeakSegPortal.ML.Jobs.TrainingOutcome(Guid.NewGuid(), 1, new string('0', 64), new string('0', 64), 0.5, null, 0, 0, [], [], 0));
                    return (true, "completed", "");
                case "FailTraining":
                    await hub.InvokeAsync("FailTraining", Guid.NewGuid(), 1, "matrix");
                    return (true, "failed", "");
                case "RejectSuggestion":
                    await hub.InvokeAsync("RejectSuggestion", Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), item.ToString());
                    return (true, "rejected", "");
                default:
                    throw new InvalidOperationException($"The matrix has no probe for {key}; add one to InvokeAsync.");
            }
        }
        catch (HubException e)
        {
            return (false, $"hub error: {e.Message}", e.Message);
        }
    }
}
