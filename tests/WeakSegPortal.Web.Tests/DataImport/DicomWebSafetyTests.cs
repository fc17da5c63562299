using WeakSegPortal.Web.DataImport.DicomWeb;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.DataImport;

/// <summary>
/// The import page's PACS address is typed by a person: only allowed PACS are contacted, redirects
/// are not followed, the PACS's replies are never echoed, and an odd reply is a clear error, never a crash.
/// </summary>
public sealed class DicomWebSafetyTests(ImportPortalFactory portal) : IClassFixture<ImportPortalFactory>
{
    private async Task<DicomWebException> SearchFailsAsync(Uri pacs)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await Assert.ThrowsAsync<DicomWebException>(() => scope.ServiceProvider.GetRequiredService<DicomWebImporter>().SearchStudiesAsync(pacs, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_host_that_is_not_allowed_is_never_contacted()
    {
        // The tests allow 127.0.0.1; "localhost" is another name, as an internal host would be.
        await using var inside = new CannedHttpServer("localhost", 200, "OK", "application/dicom+json", "[]");
        var refused = await SearchFailsAsync(new Uri($"http://localhost:{inside.Port}/dicom-web/"));
        Assert.Contains("is not a PACS this portal may reach", refused.Message, StringComparison.Ordinal);
        Assert.Empty(inside.Requests);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var elsewhere = new CannedHttpServer("127.0.0.1", 200, "OK", "application/dicom+json", "[]");
        await using var pacs = new CannedHttpServer("127.0.0.1", 302, "Found", "text/plain", "", ("Location", $"http://127.0.0.1:{elsewhere.Port}/studies"));
        var refused = await SearchFailsAsync(new Uri($"http://127.0.0.1:{pacs.Port}/dicom-web/"));
        Assert.Contains("redirects are not followed", refused.Message, StringComparison.Ordinal);
        Assert.Single(pacs.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task An_error_reply_is_named_by_its_status_and_its_body_never_shown()
    {
        await using var pacs = new CannedHttpServer("127.0.0.1", 500, "Internal Server Error", "text/html", "<h1>db password is hunter2</h1>");
        var refused = await SearchFailsAsync(new Uri($"http://127.0.0.1:{pacs.Port}/dicom-web/"));
        Assert.Equal("The PACS answered 500 Internal Server Error.", refused.Message);
    }

    [Theory]
    [InlineData("{\"not\": \"a list\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("<html>a login page</html>")]
    [InlineData("[{\"0020000D\": {\"vr\": \"UI\", \"Value\": 12}}]")]
    public async Task A_reply_that_is_not_DICOM_JSON_is_a_clear_error(string body)
    {
        await using var pacs = new CannedHttpServer("127.0.0.1", 200, "OK", "application/dicom+json", body);
        var refused = await SearchFailsAsync(new Uri($"http://127.0.0.1:{pacs.Port}/dicom-web/"));
        Assert.Contains("PACS", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(body, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_of_an_allowed_host_is_a_clear_error()
    {
        int port;
        await using (var gone = new CannedHttpServer("127.0.0.1", 200, "OK", "text/plain", ""))
        {
            port = gone.Port;
        }
        var refused = await SearchFailsAsync(new Uri($"http://127.0.0.1:{port}/dicom-web/"));
        Assert.Equal($"The PACS at 127.0.0.1:{port} could not be reached.", refused.Message);
    }
}
