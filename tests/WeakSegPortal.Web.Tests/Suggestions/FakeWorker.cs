using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Suggestions;

/// <summary>
/// A real SignalR client of the worker hub, as the Worker process is one, that answers jobs with what the test says.
/// <see cref="DropAsync"/> ends its connection from the server's side (long polling's DELETE), as a dying process would.
/// </summary>
public sealed class FakeWorker : IAsyncDisposable
{
    private readonly PortalFactory _factory;
    private readonly TokenRecorder _tokens;

    private FakeWorker(PortalFactory factory, HubConnection connection, TokenRecorder tokens, string name)
    {
        _factory = factory;
        Connection = connection;
        _tokens = tokens;
        Name = name;
    }

    public HubConnection Connection { get; }

    public string Name { get; }

    public ConcurrentQueue<SuggestionJob> SuggestJobs { get; } = new();

    public ConcurrentQueue<EmbeddingJob> EmbeddingJobs { get; } = new();

    /// <summary>The job ids the portal told this worker to stop (CancelJob).</summary>
    public ConcurrentQueue<Guid> CancelledJobs { get; } = new();

    public static EngineOffer Offer(string name, bool needsEmbedding = false) => new(name, "1", "Box, Points, Scribbles", needsEmbedding);

    public static async Task<FakeWorker> ConnectAsync(
        PortalFactory factory, string workerId, string name, Func<SuggestionJob, Task<SuggestionJobResult>> suggest, IReadOnlyList<EngineOffer> engines,
        string provider = "CUDA", int maxConcurrency = 4, string token = SuggestionPortal.Token)
    {
        var tokens = new TokenRecorder(factory.Server.CreateHandler());
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, WorkerHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => tokens;
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var worker = new FakeWorker(factory, connection, tokens, name);
        connection.On<SuggestionJob, SuggestionJobResult>("Suggest", job =>
        {
            worker.SuggestJobs.Enqueue(job);
            return suggest(job);
        });
        connection.On<EmbeddingJob, EmbeddingJobResult>("ComputeEmbeddings", job =>
        {
            worker.EmbeddingJobs.Enqueue(job);
            return Task.FromResult(new EmbeddingJobResult(job.JobId, job.Slices, 5, null));
        });
        connection.On<Guid>("CancelJob", jobId => worker.CancelledJobs.Enqueue(jobId));
        await connection.StartAsync();
        await connection.InvokeAsync("Announce", new WorkerAnnouncement(workerId, name, engines, provider == "CUDA", provider, maxConcurrency));
        return worker;
    }

    /// <summary>A 32 × 32 mask holding the square [from, to) × [from, to): a known answer's shape.</summary>
    public static WireMask Square(int from, int to) =>
        WireMask.From([.. Enumerable.Range(0, 32 * 32).Select(n => n % 32 >= from && n % 32 < to && n / 32 >= from && n / 32 < to)], 32, 32);

    /// <summary>A known answer: this mask, from this worker.</summary>
    public static SuggestionJobResult Answer(SuggestionJob job, WireMask mask, string provider = "CUDA") =>
        new(job.JobId, true, null, job.Engine, "1", provider, 0.9, mask, "memory", 3);

    /// <summary>The server ends this connection now (the worker is gone); pending jobs on it must not hang.</summary>
    public async Task DropAsync()
    {
        using var client = new HttpClient(_factory.Server.CreateHandler()) { BaseAddress = _factory.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{WorkerHub.Path}?id={Uri.EscapeDataString(_tokens.ConnectionToken!)}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SuggestionPortal.Token);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Accepted, $"DELETE answered {(int)response.StatusCode}");
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _tokens.Dispose();
    }

    /// <summary>Keeps the long-polling connection token (the <c>id</c> of its polls), which ending the connection needs.</summary>
    private sealed class TokenRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public string? ConnectionToken { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var id = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["id"];
            if (!string.IsNullOrEmpty(id))
            {
                ConnectionToken = id;
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
