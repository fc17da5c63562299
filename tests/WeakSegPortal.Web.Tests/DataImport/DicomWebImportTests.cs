using WeakSegPortal.Web.DataImport.DicomWeb;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.DataImport;

/// <summary>Import of a series from a real Orthanc over DICOMweb (QIDO-RS search, WADO-RS retrieve), through the same pipeline as uploads.</summary>
public sealed class DicomWebImportTests(ImportPortalFactory portal, OrthancServer orthanc)
    : IClassFixture<ImportPortalFactory>, IClassFixture<OrthancServer>
{
    [Fact]
    public async Task A_series_retrieved_from_the_pacs_becomes_an_item()
    {
        await orthanc.UploadAsync(DebianTestFiles.Pydicom("CT_small.dcm"), DebianTestFiles.Pydicom("MR_small.dcm"));
        var project = await TestData.ProjectAsync(portal.Services, TestData.Draft("PACS import"));
        await using var scope = portal.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<DicomWebImporter>();

        var study = Assert.Single(await importer.SearchStudiesAsync(orthanc.DicomWebRoot, "*MR1", CancellationToken.None));
        var series = Assert.Single(await importer.SearchSeriesAsync(orthanc.DicomWebRoot, study.StudyInstanceUid, CancellationToken.None));
        var report = await importer.ImportSeriesAsync(project, Guid.Empty, orthanc.DicomWebRoot, study.StudyInstanceUid, series.SeriesInstanceUid, null, CancellationToken.None);

        Assert.NotNull(report);
        Assert.All(report.Files, f => Assert.True(f.Accepted, f.Message));
        var item = Assert.Single(await ImportApi.ItemsAsync(portal.Services, project));
        Assert.Equal(series.SeriesInstanceUid, item.SeriesInstanceUid);
        Assert.Equal("MR", item.Modality);
        Assert.Equal((64, 64, 1), (item.Geometry.Nx, item.Geometry.Ny, item.Geometry.Nz));
    }
}
