using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Hosting;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>The worker process's wiring (AddWeakSegWorker, as Program.cs calls it) in a generic host of the test, configured in memory.</summary>
public sealed class WorkerUnderTest : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    private WorkerUnderTest(IHost host) => _host = host;

    /// <summary>With <paramref name="logs"/>, the process's own logging (Program.cs's AddWeakSegLogging: node id and trace scopes) into that provider alone, Debug and up.</summary>
    public static WorkerUnderTest Create(string serverUrl, string token, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var values = new Dictionary<string, string?>
        {
            ["Worker:ServerUrl"] = serverUrl,
            ["Worker:Token"] = token,
            ["Worker:Name"] = "test-worker",
            ["Worker:MaxConcurrency"] = "2",
            ["Worker:ReconnectDelay"] = "00:00:00.050",
            ["Worker:MaxReconnectDelay"] = "00:00:00.400",
            ["Suggestions:PreferCuda"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        if (logs is not null)
        {
            builder.AddWeakSegLogging();
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        }
        builder.AddWeakSegWorker();
        return new WorkerUnderTest(builder.Build());
    }

    public LinkStatus Status => _host.Services.GetRequiredService<LinkStatus>();

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async Task StartAsync()
    {
        await _host.StartAsync();
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _host.StopAsync();
        }

        _host.Dispose();
    }
}
