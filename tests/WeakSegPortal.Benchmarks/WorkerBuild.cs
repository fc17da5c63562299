namespace WeakSegPortal.Benchmarks;

/// <summary>
/// The suggestion worker the benchmark starts (through <see cref="WeakSegPortal.Web.Tests.Faults.WorkerChildProcess"/>):
/// its own Release build, run by the dotnet host as infra/run.sh runs it (beside this assembly its packages would clash
/// with ASP.NET's shared framework); WEAKSEG_WORKER_DLL names another.
/// </summary>
internal static class WorkerBuild
{
    public static string Dll => Environment.GetEnvironmentVariable("WEAKSEG_WORKER_DLL") is { Length: > 0 } dll
        ? dll
        : Path.Combine(WeakSegPortal.Web.Tests.Faults.RepositoryRoot.Path, "src", "WeakSegPortal.Worker", "bin", "Release", "net10.0", "WeakSegPortal.Worker.dll");
}
