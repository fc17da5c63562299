using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.Worker.Tests.Support;

namespace WeakSegPortal.Worker.Tests;

/// <summary>What stops the worker at start, before it connects: settings it cannot work with and model files that are not the model.</summary>
public sealed class WorkerStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("weakseg-worker-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_wrong_model_file_stops_the_worker_at_start_naming_the_engine_and_the_reason()
    {
        var model = new SamTestModels(_folder).Write(SamFamily.MobileSam);
        await using var worker = WorkerUnderTest.Create("http://127.0.0.1:9", "machine-token-0123456789abcdef", new Dictionary<string, string?>
        {
            ["Suggestions:SamModels:mobilesam:Family"] = "MobileSam",
            ["Suggestions:SamModels:mobilesam:EncoderPath"] = model.DecoderPath, // the decoder where the encoder belongs
            ["Suggestions:SamModels:mobilesam:DecoderPath"] = model.DecoderPath,
        });

        var refused = await Assert.ThrowsAsync<ModelRefusedException>(worker.StartAsync);

        Assert.StartsWith("Suggestions:SamModels:mobilesam is refused: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("MobileSam-decoder.onnx is not a MobileSam encoder: it has 6 inputs", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_token_and_a_server_url_that_is_not_http_stop_the_worker_at_start()
    {
        await using var worker = WorkerUnderTest.Create("ftp://portal", "");

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(worker.StartAsync);

        Assert.Contains(refused.Failures, f => f.Contains("'Worker:Token is not set: one of the portal's Workers:Tokens", StringComparison.Ordinal));
        Assert.Contains("Worker:ServerUrl 'ftp://portal' is not an absolute http(s) URL.", refused.Failures);
    }
}
