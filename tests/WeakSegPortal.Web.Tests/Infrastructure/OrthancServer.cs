using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>
/// A real Orthanc PACS with its DICOMweb plugin (Debian's orthanc, orthanc-dicomweb) on loopback,
/// in a temp folder, started for a test class and stopped after it.
/// </summary>
public sealed class OrthancServer : IAsyncLifetime
{
    public const string Executable = "/usr/sbin/Orthanc";
    public const string Plugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    private readonly string _folder = Directory.CreateTempSubdirectory("weakseg-orthanc-").FullName;
    private Process? _process;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The DICOMweb root, with a trailing slash so relative paths append.</summary>
    public Uri DicomWebRoot => new(BaseAddress, "dicom-web/");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable) || !File.Exists(Plugin))
        {
            throw new InvalidOperationException("Orthanc is not installed: run the tests with `bash infra/test.sh`, which installs orthanc and orthanc-dicomweb.");
        }
        var (httpPort, dicomPort) = (FreePort(), FreePort());
        var config = new
        {
            Name = "weakseg-test",
            StorageDirectory = Path.Combine(_folder, "db"),
            IndexDirectory = Path.Combine(_folder, "db"),
            HttpPort = httpPort,
            DicomPort = dicomPort,
            RemoteAccessAllowed = false,
            AuthenticationEnabled = false,
            Plugins = new[] { Plugin },
            DicomWeb = new { Enable = true, Root = "/dicom-web/" },
        };
        var configPath = Path.Combine(_folder, "orthanc.json");
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(config));
        _process = Process.Start(new ProcessStartInfo(Executable, configPath) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        using var http = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var ping = await http.GetAsync(new Uri("system", UriKind.Relative));
                if (ping.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("Orthanc did not answer within 10 s.");
    }

    /// <summary>Stores DICOM files in the PACS (POST /instances), as a modality would.</summary>
    public async Task UploadAsync(params string[] files)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        foreach (var file in files)
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            using var response = await http.PostAsync(new Uri("instances", UriKind.Relative), content);
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
