using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Suggestions;

namespace WeakSegPortal.Web.Tests.Training;

/// <summary>A real SignalR client of the worker hub that trains, as the Worker process does: it announces Trains, claims, reports, stores blobs.</summary>
public sealed class TrainingWorker : IAsyncDisposable
{
    private readonly PortalFactory _factory;
    private int _available;

    private TrainingWorker(PortalFactory factory, HubConnection connection)
    {
        _factory = factory;
        Connection = connection;
    }

    public HubConnection Connection { get; }

    /// <summary>How many TrainingAvailable pushes arrived.</summary>
    public int Available => Volatile.Read(ref _available);

    public static async Task<TrainingWorker> ConnectAsync(PortalFactory factory, string name, bool trains = true, IReadOnlyList<EngineOffer>? engines = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, WorkerHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(SuggestionPortal.Token);
            })
            .Build();
        var worker = new TrainingWorker(factory, connection);
        connection.On("TrainingAvailable", () => Interlocked.Increment(ref worker._available));
        await connection.StartAsync();
        await connection.InvokeAsync("Announce", new WorkerAnnouncement($"id-{name}", name, engines ?? [], false, "CPU", 1) { Trains = trains });
        return worker;
    }

    public Task<TrainingAssignment?> ClaimAsync() => Connection.InvokeAsync<TrainingAssignment?>("ClaimTraining");

    public Task<TrainingDirective> ReportAsync(TrainingAssignment job, int epoch, double loss, double? dice = null, string? checkpoint = null) =>
        Connection.InvokeAsync<TrainingDirective>("ReportTrainingEpoch", new TrainingEpochReport(job.JobId, job.Attempt, epoch, job.Config.Epochs, loss, dice, checkpoint));

    public Task<Guid> CompleteAsync(TrainingAssignment job, string checkpoint, string onnx, double loss = 0.2, double? dice = 0.81) =>
        Connection.InvokeAsync<Guid>("CompleteTraining", new TrainingOutcome(job.JobId, job.Attempt, checkpoint, onnx, loss, dice, 3, 1, [], [], 4200));

    /// <summary>POST /api/worker/blobs with the worker token; the stored hash.</summary>
    public static async Task<string> PutBlobAsync(PortalFactory factory, byte[] bytes)
    {
        using var client = TokenClient(factory);
        using var response = await client.PostAsync(new Uri("/api/worker/blobs", UriKind.Relative), new ByteArrayContent(bytes));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WeakSegPortal.Web.Training.BlobStored>())!.Hash;
    }

    public static HttpClient TokenClient(PortalFactory factory)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SuggestionPortal.Token);
        return client;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
