using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WeakSegPortal.Hosting;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.Worker;

// The suggestion worker: configuration from appsettings.json, environment (Worker__ServerUrl, Worker__Token, …) and
// the command line (--Worker:Name=gpu-1). A wrong setting or model file stops it here with the reason, exit code 2.
var builder = Host.CreateApplicationBuilder(args);
builder.AddWeakSegLogging();
builder.AddWeakSegWorker();
using var host = builder.Build();
try
{
    await host.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or ModelRefusedException)
{
    await Console.Error.WriteLineAsync($"weakseg worker: {e.Message}");
    return 2;
}
