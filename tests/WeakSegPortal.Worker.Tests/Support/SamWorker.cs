using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Sam;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>
/// A worker under test with one SAM-family engine of test models (SAM's exact signatures), connected to a stand-in portal
/// that serves one volume; announced before the test runs, and everything (the model files too) gone on dispose.
/// </summary>
public sealed class SamWorker : IAsyncDisposable
{
    public const string Token = "machine-token-0123456789abcdef";
    private readonly string _folder;

    private SamWorker(string folder, StandInPortal portal, WorkerUnderTest worker, string volume)
    {
        _folder = folder;
        Portal = portal;
        Worker = worker;
        Volume = volume;
    }

    public StandInPortal Portal { get; }

    public WorkerUnderTest Worker { get; }

    /// <summary>The served volume's reference, as jobs name it.</summary>
    public string Volume { get; }

    /// <param name="engine">The engine's name in the worker's settings.</param>
    /// <param name="version">The model version it announces.</param>
    /// <param name="tracking">The tracking test decoder (follows a bright object) instead of the echoing one.</param>
    public static async Task<SamWorker> StartAsync(string engine, string version, Volume volume, bool tracking)
    {
        var folder = Directory.CreateTempSubdirectory("weakseg-worker-sam-").FullName;
        var model = new SamTestModels(folder) { Tracking = tracking }.Write(SamFamily.Sam);
        var portal = await StandInPortal.StartAsync(Token);
        var served = await portal.ServeAsync(volume);
        var worker = WorkerUnderTest.Create(portal.Url, Token, new Dictionary<string, string?>
        {
            [$"Suggestions:SamModels:{engine}:Family"] = "Sam",
            [$"Suggestions:SamModels:{engine}:EncoderPath"] = model.EncoderPath,
            [$"Suggestions:SamModels:{engine}:DecoderPath"] = model.DecoderPath,
            [$"Suggestions:SamModels:{engine}:Version"] = version,
        });
        await worker.StartAsync();
        await portal.Announcements.WaitForAsync(1);
        return new SamWorker(folder, portal, worker, served);
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Portal.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
