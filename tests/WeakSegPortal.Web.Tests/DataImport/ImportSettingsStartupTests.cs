using WeakSegPortal.Web.Tests.Infrastructure;

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
            var error = await StartupFailure.OfAsync(("Storage:Root", Path.Combine(file, "blobs")));
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
            var error = await StartupFailure.OfAsync(("Storage:Root", blobs), ("DicomWeb:BaseUrl", "ftp://pacs/dicom-web"));
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
            var error = await StartupFailure.OfAsync(("Storage:Root", blobs), ("Import:DecodeTimeout", "00:00:00"));
            Assert.Contains("DecodeTimeout", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(blobs, recursive: true);
        }
    }
}
