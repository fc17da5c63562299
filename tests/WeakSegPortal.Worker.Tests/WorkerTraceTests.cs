using System.Diagnostics;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Worker.Tests.Support;

namespace WeakSegPortal.Worker.Tests;

/// <summary>The web node's trace continues in the worker: its log lines for a job carry the trace id the job brought, and its node id.</summary>
public sealed class WorkerTraceTests : IAsyncLifetime, IDisposable
{
    private const string Token = "machine-token-0123456789abcdef";
    private readonly ScopedLines _logs = new();
    private StandInPortal _portal = null!;
    private WorkerUnderTest _worker = null!;
    private string _volume = "";

    public async Task InitializeAsync()
    {
        _portal = await StandInPortal.StartAsync(Token);
        _volume = await _portal.ServeAsync(DemoCt.Volume.Image);
        _worker = WorkerUnderTest.Create(_portal.Url, Token, new Dictionary<string, string?> { ["Node:Id"] = "gpu-box-1" }, _logs);
        await _worker.StartAsync();
        await _portal.Announcements.WaitForAsync(1);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _portal.DisposeAsync();
        _logs.Dispose();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task The_worker_logs_a_job_under_the_trace_id_of_the_traceparent_it_carried()
    {
        var trace = ActivityTraceId.CreateRandom();
        var traceParent = $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        var (x0, y0, x1, y1) = DemoCt.TightBox(DemoCt.Truth(1));
        var job = new SuggestionJob(Guid.NewGuid(), GrabCutBoxEngine.Name, Guid.NewGuid(), _volume, "CT",
            new WirePrompt(Guid.NewGuid(), "axial", DemoCt.Slice, 1, new WireBox(x0, y0, x1, y1), [], [])) { TraceParent = traceParent };

        var result = await _portal.SuggestAsync(job);

        Assert.True(result.Ok, result.Error);
        var line = Assert.Single(_logs.Lines, l => l.Category.EndsWith(nameof(SuggestionJobRunner), StringComparison.Ordinal) && l.Message.Contains(job.JobId.ToString(), StringComparison.Ordinal));
        Assert.Equal(trace.ToHexString(), line.Scope["TraceId"]);
        Assert.Equal("gpu-box-1", line.Scope["NodeId"]);
    }
}
