using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Components.Pages.Manage;
using WeakSegPortal.Web.DataImport;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Tests.DataImport;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Components;

/// <summary>The import page rendered by bUnit over a test portal's real store and decoder: pick a file, import, read the result table.</summary>
public sealed class ImportPageTests(ImportPortalFactory factory) : MudComponentTest, IClassFixture<ImportPortalFactory>
{
    private BunitAuthorizationContext? _auth;

    protected override void ConfigureServices()
    {
        var store = factory.Services.GetRequiredService<Marten.IDocumentStore>();
        Context.Services.AddSingleton(store);
        Context.Services.AddScoped(_ => store.QuerySession());
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton(factory.Services.GetRequiredService<ILoggerFactory>());
        Context.Services.AddLogging();
        Context.Services.AddSingleton(factory.Services.GetRequiredService<IOptions<ImportOptions>>());
        Context.Services.AddSingleton(factory.Services.GetRequiredService<IOptions<DicomWebOptions>>());
        Context.Services.AddSingleton(factory.Services.GetRequiredService<StagingDecoder>());
        Context.Services.AddSingleton(factory.Services.GetRequiredService<ProjectImportGate>());
        Context.Services.AddScoped<ProjectImporter>();
        _auth = Context.AddAuthorization();
        _auth.SetAuthorized("pm");
        _auth.SetRoles(Roles.ProjectManager);
        _auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task Files_picked_in_the_browser_are_imported_and_each_outcome_listed()
    {
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("bUnit import"));
        var page = Context.Render<ProjectImport>(p => p.Add(c => c.ProjectId, project));
        page.WaitForAssertion(() => Assert.Contains("Import images into bUnit import", page.Markup, StringComparison.Ordinal));

        page.FindComponents<InputFile>()[0].UploadFiles(
            InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(DebianTestFiles.Pydicom("CT_small.dcm")), "CT_small.dcm"),
            InputFileContent.CreateFromText("not an image", "notes.dcm"));
        page.WaitForAssertion(() => Assert.Contains("Import 2 files", page.Find("[data-testid=start-import]").TextContent, StringComparison.Ordinal));
        await page.Find("[data-testid=start-import]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=import-result]")), TimeSpan.FromSeconds(60));
        var rows = page.FindAll("[data-testid=import-result] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("CT_small.dcm", StringComparison.Ordinal) && r.Contains("accepted", StringComparison.Ordinal) && r.Contains("128 × 128 × 1", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("notes.dcm", StringComparison.Ordinal) && r.Contains("not a DICOM file", StringComparison.Ordinal));
        Assert.Contains("1 item created", page.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal);
        Assert.Single(await ImportApi.ItemsAsync(factory.Services, project));
    }
}
