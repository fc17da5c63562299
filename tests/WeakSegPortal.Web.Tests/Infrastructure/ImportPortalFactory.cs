using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>The portal with its blob store and staging in a temp folder of its own, removed afterwards.</summary>
public class ImportPortalFactory : PortalFactory
{
    public const string ManagerName = "import-pm", ManagerPassword = "import-pm-pw-1";
    public const string AnnotatorName = "import-ann", AnnotatorPassword = "import-ann-pw-1";

    public string Folder { get; } = Directory.CreateTempSubdirectory("weakseg-import-test-").FullName;

    /// <summary>Extra settings, e.g. a fake decoder.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public string BlobRoot => Path.Combine(Folder, "blobs");

    public string StagingRoot => Path.Combine(Folder, "staging");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Storage:Root"] = BlobRoot,
            ["Import:StagingRoot"] = StagingRoot,
            // The tests' Orthanc listens on a free port of loopback.
            ["DicomWeb:AllowedHosts:0"] = "127.0.0.1",
        };
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
    }

    public async Task<HttpClient> ManagerAsync()
    {
        await EnsureUserAsync(ManagerName, ManagerPassword, "ProjectManager");
        return await SignIn.AsAsync(this, ManagerName, ManagerPassword);
    }

    public async Task<HttpClient> AnnotatorAsync()
    {
        await EnsureUserAsync(AnnotatorName, AnnotatorPassword, "Annotator");
        return await SignIn.AsAsync(this, AnnotatorName, AnnotatorPassword);
    }

    protected override async Task DisposeEverythingAsync()
    {
        await base.DisposeEverythingAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
