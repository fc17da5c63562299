namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>The dotnet host that runs this process (tests and benchmarks run under it), else dotnet on the PATH: what child processes are started with.</summary>
public static class DotnetHost
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
