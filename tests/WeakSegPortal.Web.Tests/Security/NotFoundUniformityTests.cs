using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Guidelines;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Security;

/// <summary>
/// An id of another project's thing and an id of nothing get the same answer, on every API route
/// and in the hub, so that nobody learns from an id what exists elsewhere.
/// </summary>
public sealed class NotFoundUniformityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Password = "uniform-pw";
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    /// <summary>Another project's things, by route parameter name; a new id parameter needs an entry here.</summary>
    private async Task<Dictionary<string, Guid>> ForeignIdsAsync()
    {
        var qa = await factory.EnsureUserAsync("uniform-qa", Password, Roles.QaLead);
        var ann = await factory.EnsureUserAsync("uniform-ann", Password, Roles.Annotator);
        var other = await factory.EnsureUserAsync("uniform-other", Password, Roles.Annotator);
        await TestData.ProjectAsync(factory.Services, TestData.Draft($"Own {Guid.NewGuid():N}"), new ProjectMember(qa, ProjectRole.QaLead), new ProjectMember(ann, ProjectRole.Annotator));
        var foreign = await TestData.ProjectAsync(factory.Services, TestData.Draft($"Foreign {Guid.NewGuid():N}"), new ProjectMember(other, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, foreign, "foreign case");
        await using var scope = factory.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>().AddAsync(foreign, new MemoryStream(Png), "foreign example", Guid.Empty, CancellationToken.None);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors.Values));
        var job = await scope.ServiceProvider.GetRequiredService<WeakSegPortal.Core.Training.RequestTrainingHandler>()
            .HandleAsync(new WeakSegPortal.Core.Training.RequestTraining(foreign, Guid.Empty, true, new WeakSegPortal.Core.Training.TrainingConfig(), "foreign"), CancellationToken.None);
        Assert.True(job.Succeeded, string.Join(" ", job.Errors.Values));
        var version = Guid.NewGuid();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(WeakSegPortal.Core.Training.ModelStreams.ForProject(foreign), new WeakSegPortal.Core.Training.ModelVersionRegistered(version, foreign, job.Id, 1,
            new WeakSegPortal.Core.Training.TrainingConfig(), 3, new string('a', 64), new string('b', 64), 0.5, null, 1, 0, [], [], 10, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        var export = await new MatrixProbe(factory).ExportAsync(foreign);
        return new() { ["itemId"] = item, ["projectId"] = foreign, ["id"] = foreign, ["exampleId"] = added.Id, ["jobId"] = job.Id, ["versionId"] = version, ["exportId"] = export };
    }

    [Theory]
    [InlineData("uniform-qa")]
    [InlineData("uniform-ann")]
    public async Task Every_api_route_with_an_id_answers_a_foreign_id_as_it_answers_a_random_one(string userName)
    {
        var foreign = await ForeignIdsAsync();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                && e.RoutePattern.Parameters.Any(p => p.ParameterPolicies.Any(pp => pp.Content == "guid")))
            .ToList();
        Assert.True(routes.Count >= 6, $"only {routes.Count} routes found");
        using var client = await SignIn.AsAsync(factory, userName, Password);
        foreach (var route in routes)
        {
            var foreignUrl = UrlOf(route.RoutePattern, p => foreign.TryGetValue(p, out var id) ? id
                : throw new Xunit.Sdk.XunitException($"{route.RoutePattern.RawText}: add a foreign id for {{{p}}} to this test."));
            var randomUrl = UrlOf(route.RoutePattern, _ => Guid.NewGuid());
            using var foreignAnswer = await client.GetAsync(new Uri(foreignUrl, UriKind.Relative));
            using var randomAnswer = await client.GetAsync(new Uri(randomUrl, UriKind.Relative));
            // 404 for both; or 403 for both where the route needs a role the caller lacks, or 401 for both where it needs a
            // worker's token (a person's cookie is no worker credential), decided before any id is read.
            var workerOnly = route.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == WeakSegPortal.Web.Workers.WorkerToken.Policy);
            Assert.True(foreignAnswer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || workerOnly && foreignAnswer.StatusCode == HttpStatusCode.Unauthorized,
                $"{foreignUrl}: {(int)foreignAnswer.StatusCode}");
            Assert.True(randomAnswer.StatusCode == foreignAnswer.StatusCode, $"{randomUrl}: {(int)randomAnswer.StatusCode}, a foreign id {(int)foreignAnswer.StatusCode}");
            Assert.Equal(Comparable(await randomAnswer.Content.ReadAsStringAsync()), Comparable(await foreignAnswer.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task The_hub_answers_a_foreign_item_as_it_answers_a_missing_one_and_stores_neither()
    {
        var foreign = await ForeignIdsAsync();
        var foreignItem = foreign["itemId"];
        var missingItem = Guid.NewGuid();
        await using var hub = await HubClients.ConnectAsync(factory, "/hubs/annotation", "uniform-ann", Password);
        AnnotationCommand Box(Guid item) => new(Guid.NewGuid(), item, "box", 1, 0, Box: new BoxShape(1, 1, 5, 5));
        var toForeign = Box(foreignItem);
        var toMissing = Box(missingItem);
        var foreignAck = await hub.InvokeAsync<AnnotationAck>("Submit", toForeign);
        var missingAck = await hub.InvokeAsync<AnnotationAck>("Submit", toMissing);
        Assert.Equal((false, false, AnnotationBatch.NotYours), (foreignAck.Accepted, foreignAck.Retry, foreignAck.Reason));
        Assert.Equal((false, false, AnnotationBatch.NotYours), (missingAck.Accepted, missingAck.Retry, missingAck.Reason));
        var many = await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", new[] { Box(foreignItem), Box(missingItem) });
        Assert.All(many, a => Assert.Equal(AnnotationBatch.NotYours, a.Reason));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var ids = new[] { toForeign.CommandId, toMissing.CommandId, many[0].CommandId, many[1].CommandId };
            Assert.Empty(await session.LoadManyAsync<ProcessedCommand>(ids));
            var me = await factory.EnsureUserAsync("uniform-ann", Password, Roles.Annotator);
            Assert.Empty(await session.Events.FetchStreamAsync(AnnotationStreams.For(missingItem, me)));
            Assert.Empty(await session.Events.FetchStreamAsync(AnnotationStreams.For(foreignItem, me)));
        }

        Assert.Empty(await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", foreignItem.ToString()));
        Assert.Empty(await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", missingItem.ToString()));
        var focusForeign = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Focus", foreignItem.ToString()));
        var focusMissing = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Focus", missingItem.ToString()));
        Assert.Equal(focusMissing.Message, focusForeign.Message);
    }

    private static string UrlOf(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, Func<string, Guid> idFor)
    {
        var url = new System.Text.StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.ParameterPolicies.Any(pp => pp.Content == "guid") => idFor(p.Name).ToString(),
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.ParameterPolicies.Any(pp => pp.Content == "int") => "0",
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.Name == "orientation" => "axial",
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.Name == "file" => "onnx",
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => throw new Xunit.Sdk.XunitException($"{pattern.RawText}: give {{{p.Name}}} a value in this test."),
                    _ => throw new InvalidOperationException(),
                });
            }
        }
        return url.ToString();
    }

    /// <summary>The body without what differs on every request anyway (the trace id).</summary>
    private static string Comparable(string body)
    {
        if (body.Length == 0 || JsonNode.Parse(body) is not JsonObject json)
        {
            return body;
        }
        json.Remove("traceId");
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
