using System.Diagnostics;

namespace WeakSegPortal.Web.DataImport;

/// <summary>How to start the `weakseg` decoder: weakseg.dll (copied beside the portal) under the dotnet host.</summary>
internal static class DecoderCommand
{
    public static ProcessStartInfo Create(string? configuredPath, IEnumerable<string> arguments)
    {
        var path = string.IsNullOrWhiteSpace(configuredPath) ? Path.Combine(AppContext.BaseDirectory, "weakseg.dll") : Path.GetFullPath(configuredPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The image decoder {path} is missing; the portal's build copies weakseg.dll beside it (or set Import:DecoderPath).", path);
        }
        var isAssembly = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isAssembly ? DotnetHost() : path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        if (isAssembly)
        {
            start.ArgumentList.Add(path);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    /// <summary>The host that runs this process (dotnet run, dotnet test, dotnet Portal.dll), else dotnet on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
