using WeakSegPortal.Web.DataImport.DicomWeb;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.DataImport;

/// <summary>The DICOMweb client against a real Orthanc with its DICOMweb plugin.</summary>
public sealed class DicomWebClientTests(OrthancServer orthanc) : IClassFixture<OrthancServer>, IAsyncLifetime, IDisposable
{
    private static readonly string[] Files = [DebianTestFiles.Pydicom("CT_small.dcm"), DebianTestFiles.Pydicom("MR_small.dcm")];
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _http.BaseAddress = orthanc.DicomWebRoot;
        await orthanc.UploadAsync(Files);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Searching_studies_finds_what_the_pacs_holds()
    {
        var studies = await new DicomWebClient(_http).SearchStudiesAsync(null, CancellationToken.None);
        Assert.Equal(2, studies.Count);
        var ct = Assert.Single(studies, s => s.Modalities.Contains("CT"));
        Assert.Equal("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", ct.StudyInstanceUid);
        Assert.Equal("CompressedSamples^CT1", ct.PatientName);
    }

    [Fact]
    public async Task Searching_by_patient_name_narrows_the_list()
    {
        var client = new DicomWebClient(_http);
        Assert.Equal(2, (await client.SearchStudiesAsync("Compressed", CancellationToken.None)).Count);
        Assert.Equal("CompressedSamples^MR1", Assert.Single(await client.SearchStudiesAsync("*MR1", CancellationToken.None)).PatientName);
        Assert.Empty(await client.SearchStudiesAsync("Nobody", CancellationToken.None));
    }

    [Fact]
    public async Task A_series_is_listed_and_retrieved_as_part_10_files()
    {
        var client = new DicomWebClient(_http);
        var study = (await client.SearchStudiesAsync(null, CancellationToken.None)).Single(s => s.Modalities.Contains("CT"));
        var series = Assert.Single(await client.SearchSeriesAsync(study.StudyInstanceUid, CancellationToken.None));
        Assert.Equal("CT", series.Modality);
        var retrieved = new List<byte[]>();
        var count = await client.RetrieveSeriesAsync(study.StudyInstanceUid, series.SeriesInstanceUid, async (stream, ct) =>
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            retrieved.Add(copy.ToArray());
        }, CancellationToken.None);
        Assert.Equal(1, count);
        Assert.Equal("DICM"u8.ToArray(), retrieved[0][128..132]);
    }

    [Fact]
    public async Task An_unknown_study_has_no_series()
    {
        Assert.Empty(await new DicomWebClient(_http).SearchSeriesAsync("1.2.3.4.5.6.7.8.9", CancellationToken.None));
    }

    [Theory]
    [InlineData("multipart/related; type=\"application/dicom\"; boundary=abc123", "abc123")]
    [InlineData("multipart/related; boundary=\"q;uoted\"; type=\"application/dicom\"", "q;uoted")]
    public void The_boundary_is_read_quoted_or_not(string contentType, string boundary) =>
        Assert.Equal(boundary, DicomWebClient.Boundary(contentType));
}
