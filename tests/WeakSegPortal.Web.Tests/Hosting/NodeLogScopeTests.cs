using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Hosting;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Tests.Hosting;

/// <summary>Every log line of a process names its node, and inside a job's activity the trace the web node started.</summary>
public sealed class NodeLogScopeTests
{
    [Fact]
    public void Every_log_line_carries_the_node_id_and_inside_a_job_the_web_nodes_trace_id()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [NodeIdentity.Key] = "web-7" });
        builder.AddWeakSegLogging();
        var scopes = new ScopeRecorder();
        builder.Logging.AddProvider(scopes);
        using var host = builder.Build();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("test");

        log.LogInformation("outside any request");
        using (var web = JobTrace.StartHere("web"))
        {
            var traceParent = web.Id;
            web.Stop();
            using var worker = JobTrace.StartFrom(traceParent, "worker");
            log.LogInformation("inside the worker's job");
            Assert.Equal(web.TraceId, worker.TraceId);
            Assert.Equal(web.SpanId, worker.ParentSpanId);
        }

        Assert.Equal(2, scopes.Lines.Count);
        Assert.Equal("web-7", scopes.Lines[0]["NodeId"]);
        Assert.False(scopes.Lines[0].ContainsKey("TraceId"));
        Assert.Equal("web-7", scopes.Lines[1]["NodeId"]);
        Assert.Equal(32, scopes.Lines[1]["TraceId"]!.ToString()!.Length);
    }

    [Fact]
    public void A_malformed_traceparent_starts_a_new_trace_rather_than_failing_the_job()
    {
        using var activity = JobTrace.StartFrom("not-a-traceparent", "worker");

        Assert.Equal(ActivityIdFormat.W3C, activity.IdFormat);
        Assert.Equal(default, activity.ParentSpanId);
    }

    [Fact]
    public void Without_a_configured_node_id_two_processes_on_one_machine_get_different_ones()
    {
        var empty = new ConfigurationBuilder().Build();

        var (one, two) = (NodeIdentity.From(empty), NodeIdentity.From(empty));

        Assert.StartsWith(Environment.MachineName, one.Id, StringComparison.Ordinal);
        Assert.NotEqual(one.Id, two.Id);
    }

    /// <summary>A logger provider that, like the JSON console, reads the external scopes of every line.</summary>
    private sealed class ScopeRecorder : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public List<Dictionary<string, object?>> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Recorder(ScopeRecorder owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new Dictionary<string, object?>();
                owner._scopes?.ForEachScope((scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value;
                        }
                    }
                }, line);
                owner.Lines.Add(line);
            }
        }
    }
}
