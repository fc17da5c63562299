using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Extensions;

namespace WeakSegPortal.Web.Tests.DataImport;

/// <summary>Import settings are checked when the portal starts, with a message naming the setting.</summary>
public sealed class ImportSettingsStartupTests
{
    [Fact]
    public async Task A_blob_folder_that_cannot_be_created_stops_the_start()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = await StartFailureAsync(("Storage:Root", Path.Combine(file, "blobs")));
            Assert.Contains("Storage:Root", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_dicomweb_url_that_is_not_http_stops_the_start()
    {
        var blobs = Directory.CreateTempSubdirectory("weakseg-startup-blobs-").FullName;
        try
        {
            var error = await StartFailureAsync(("Storage:Root", blobs), ("DicomWeb:BaseUrl", "ftp://pacs/dicom-web"));
            Assert.Contains("DicomWeb:BaseUrl 'ftp://pacs/dicom-web' is not an http(s) URL", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(blobs, recursive: true);
        }
    }

    [Fact]
    public async Task A_decode_timeout_out_of_range_stops_the_start()
    {
        var blobs = Directory.CreateTempSubdirectory("weakseg-startup-blobs-").FullName;
        try
        {
            var error = await StartFailureAsync(("Storage:Root", blobs), ("Import:DecodeTimeout", "00:00:00"));
            Assert.Contains("DecodeTimeout", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(blobs, recursive: true);
        }
    }

    private static async Task<OptionsValidationException> StartFailureAsync(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        // Parseable but unreachable: option validation runs before anything connects.
        builder.Configuration["Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=3";
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPortalServices();
        await using var app = builder.Build();
        app.UsePortal();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        return error as OptionsValidationException
            ?? (error as AggregateException)?.Flatten().InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"The start failed, but not on a setting: {error}");
    }
}
