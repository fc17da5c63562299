using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.E2E;

/// <summary>
/// Issue 12, item 7, end to end with no stand-in: an annotator's suggestion goes through the real portal to the real
/// worker process, and the portal's log line that sent the job and the worker's log line that answered it carry one
/// trace id (the W3C traceparent in the job), each beside its own process's node id.
/// </summary>
public sealed class TraceToWorkerTests(TracedWorkerPortal portal) : IClassFixture<TracedWorkerPortal>
{
    [Fact]
    public async Task A_suggestions_trace_id_is_logged_by_the_web_node_that_sent_it_and_by_the_worker_that_answered_it()
    {
        var item = await portal.NextItemAsync(await portal.DemoProjectAsync(), await portal.UserIdAsync("ann1"));
        var truth = DemoTruth.For(item.Name);
        var slice = truth.LargestSlice(2);
        var e = truth.Extent(slice, 2);
        await using var hub = await AnnotationHubAsync("ann1", "ann1-demo-pw");

        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", new
        {
            requestId = Guid.NewGuid(),
            objectId = Guid.NewGuid(),
            itemId = item.Id,
            orientation = "axial",
            slice,
            classId = 2,
            box = new { x0 = e.I0 - 3, y0 = e.J0 - 3, x1 = e.I1 + 3, y1 = e.J1 + 3 },
            points = Array.Empty<object>(),
            scribbles = Array.Empty<object>(),
        });

        Assert.True(reply.Ok, $"{reply.Error}\nWorker log:\n{portal.Worker.Log()}");
        Assert.Equal(TracedWorkerPortal.WorkerName, reply.RanOn);
        // The portal: the line that sent the job names it, under the suggestion's trace and this node's id.
        var sent = Assert.Single(portal.Logs.Lines, l => l.Category == typeof(SuggestionDispatcher).FullName && l.Message.Contains("sent to worker", StringComparison.Ordinal));
        var jobId = sent.Message.Split(' ')[2];
        Assert.True(Guid.TryParse(jobId, out _), sent.Message);
        Assert.Equal(TracedWorkerPortal.WebNode, sent.Scope["NodeId"]);
        var traceId = sent.Scope.GetValueOrDefault("TraceId");
        Assert.Matches("^[0-9a-f]{32}$", traceId ?? "");
        // The worker: its line for that job, in its own process's JSON console, carries the same trace id and its own node id.
        var answered = await WorkerLineAsync(jobId);
        var scope = answered.GetProperty("Scopes")[0];
        Assert.Equal(traceId, scope.GetProperty("TraceId").GetString());
        Assert.Equal(TracedWorkerPortal.WorkerNode, scope.GetProperty("NodeId").GetString());
        Assert.NotEqual(sent.Scope["SpanId"], scope.GetProperty("SpanId").GetString());
    }

    /// <summary>The worker's JSON log line of the job runner that names <paramref name="jobId"/> (it is written as the job ends, so it is waited for).</summary>
    private async Task<JsonElement> WorkerLineAsync(string jobId)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            foreach (var line in portal.Worker.Log().Split('\n').Where(l => l.StartsWith('{') && l.Contains(jobId, StringComparison.Ordinal)))
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.GetProperty("Category").GetString()!.EndsWith("SuggestionJobRunner", StringComparison.Ordinal))
                {
                    return json.RootElement.Clone();
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The worker logged nothing for job {jobId}:\n{portal.Worker.Log()}");
    }

    private async Task<HubConnection> AnnotationHubAsync(string user, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = portal.BaseAddress };
        using var response = await SignIn.PostAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = cookies.GetCookies(portal.BaseAddress)[SignInCookie.Name]!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(portal.BaseAddress, "/hubs/annotation"), options => options.Headers["Cookie"] = $"{cookie.Name}={cookie.Value}")
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
