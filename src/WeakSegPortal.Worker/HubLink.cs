using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker;

/// <summary>
/// The worker's connection to the portal's <c>/hubs/worker</c>, with the machine token as bearer. It loads the engines
/// at start (a wrong model file stops the worker there), then connects for as long as the worker runs: after every
/// (re)connect it announces itself, and after every failure or lost link it waits a growing delay and connects again.
/// Jobs arrive as client results: <c>Suggest</c>, <c>ComputeEmbeddings</c>; <c>CancelJob</c> stops one. Training jobs are
/// claimed by <see cref="TrainingJobRunner"/> over the same connection (<see cref="TrainingChannel"/>); an announce and the
/// portal's <c>TrainingAvailable</c> wake it.
/// </summary>
public sealed partial class HubLink : BackgroundService
{
    public const string Path = "hubs/worker";

    private readonly WorkerOptions _options;
    private readonly WorkerEngines _engines;
    private readonly JobGate _gate;
    private readonly LinkStatus _status;
    private readonly TrainingDevice _training;
    private readonly TrainingChannel _trainingChannel;
    private readonly ILogger<HubLink> _log;
    private readonly HubConnection _connection;
    private TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HubLink(
        IOptions<WorkerOptions> options, WorkerEngines engines, SuggestionJobRunner suggestions, EmbeddingJobRunner embeddings,
        JobGate gate, LinkStatus status, TrainingDevice training, TrainingChannel trainingChannel, ILoggerFactory loggers, ILogger<HubLink> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(trainingChannel);
        (_options, _engines, _gate, _status, _training, _trainingChannel, _log) = (options.Value, engines, gate, status, training, trainingChannel, log);
        var token = _options.Token;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(_options.ServerUrl.TrimEnd('/') + "/"), Path), http => http.AccessTokenProvider = () => Task.FromResult<string?>(token));
        builder.Services.AddSingleton(loggers);
        _connection = builder.Build();
        _connection.On<SuggestionJob, SuggestionJobResult>("Suggest", suggestions.RunAsync);
        _connection.On<EmbeddingJob, EmbeddingJobResult>("ComputeEmbeddings", embeddings.RunAsync);
        _connection.On<Guid>("CancelJob", jobId => gate.Cancel(jobId));
        _connection.On("TrainingAvailable", trainingChannel.Offered);
        trainingChannel.Attach(_connection);
        _connection.Closed += error =>
        {
            _gate.ConnectionClosed();
            Volatile.Read(ref _closed).TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _engines.Load();
        EnginesLoaded(_log, string.Join(", ", _engines.Names), _engines.Provider, _options.MaxConcurrency);
        foreach (var (engine, reason) in _engines.CudaFallbacks)
        {
            CudaFellBack(_log, engine, reason);
        }

        if (_options.Trains)
        {
            _training.Probe();
            if (_training.Problem is { } problem)
            {
                TrainingUnavailable(_log, problem);
            }
            else
            {
                TrainingOn(_log, _training.Name, Training.TorchBackend.Built);
                if (_training.Warning is { } warning)
                {
                    TrainingCudaFellBack(_log, warning);
                }
            }
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _connection.DisposeAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failuresInARow = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _closed, closed);
            try
            {
                await _connection.StartAsync(stoppingToken);
                await _connection.InvokeAsync("Announce", Announcement(), stoppingToken);
                _status.Announced();
                _trainingChannel.Offered();
                failuresInARow = 0;
                Connected(_log, _connection.ConnectionId, _options.ServerUrl);
                var error = await closed.Task.WaitAsync(stoppingToken);
                _status.Failed(LinkState.Unreachable, error?.Message ?? "The portal closed the connection.");
                LinkLost(_log, error?.Message ?? "closed by the portal");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                var reason = $"The portal at {_options.ServerUrl} refused this worker's token ({(int)e.StatusCode}); check Worker:Token against the portal's Workers:Tokens.";
                _status.Failed(LinkState.Refused, reason);
                Refused(_log, reason);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _status.Failed(LinkState.Unreachable, e.Message);
                Unreachable(_log, _options.ServerUrl, e.Message);
                await _connection.StopAsync(CancellationToken.None);
            }

            failuresInARow++;
            try
            {
                await Task.Delay(ReconnectBackoff.Delay(failuresInARow, _options.ReconnectDelay, _options.MaxReconnectDelay), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private WorkerAnnouncement Announcement() =>
        new(_status.WorkerId, _options.Name, _engines.Offers(), _engines.Gpu, _engines.Provider, _options.MaxConcurrency)
        {
            Trains = _options.Trains && _training.CanTrain,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Engines loaded: {Engines} on {Provider}, {MaxConcurrency} at once")]
    private static partial void EnginesLoaded(ILogger logger, string engines, string provider, int maxConcurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engine {Engine} wanted CUDA and runs on the CPU: {Reason}")]
    private static partial void CudaFellBack(ILogger logger, string engine, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Takes training jobs: training runs on {Device} (libtorch build: {Backend})")]
    private static partial void TrainingOn(ILogger logger, string device, string backend);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    private static partial void TrainingCudaFellBack(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}")]
    private static partial void TrainingUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {ServerUrl} as {ConnectionId} and announced")]
    private static partial void Connected(ILogger logger, string? connectionId, string serverUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the portal ({Reason}); reconnecting")]
    private static partial void LinkLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}")]
    private static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the portal at {ServerUrl}: {Reason}; trying again")]
    private static partial void Unreachable(ILogger logger, string serverUrl, string reason);
}
