using WeakSegPortal.Web.DataImport;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.DataImport;

/// <summary>
/// A decoder that dies on one file (as GDCM does on some damaged data): that file is refused, the
/// decoder is started again without it, and the rest of the upload is imported.
/// </summary>
public sealed class DecoderCrashTests(DecoderCrashTests.CrashingDecoderPortal portal) : IClassFixture<DecoderCrashTests.CrashingDecoderPortal>
{
    [Fact]
    public async Task A_file_that_kills_the_decoder_is_refused_and_the_rest_imported()
    {
        var project = await TestData.ProjectAsync(portal.Services, TestData.Draft("Crash import"));
        var runsBefore = portal.Runs;
        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project,
            ("crash.png", ImportTests.Png(8, 8)), ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm")));

        var crashed = Assert.Single(report.Files, f => f.File == "crash.png");
        Assert.False(crashed.Accepted);
        Assert.Equal(StagingDecoder.CrashReason, crashed.Message);
        Assert.True(Assert.Single(report.Files, f => f.File == "CT_small.dcm").Accepted);
        Assert.Equal("CT_small.dcm", Assert.Single(await ImportApi.ItemsAsync(portal.Services, project)).Source?.FileName);
        Assert.Equal(2, portal.Runs - runsBefore);
    }

    [Fact]
    public async Task A_file_whose_header_kills_the_decoder_is_refused_and_the_rest_imported()
    {
        var project = await TestData.ProjectAsync(portal.Services, TestData.Draft("Header crash import"));
        var runsBefore = portal.Runs;
        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project,
            ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm"), "bad-header.dcm"), ImportApi.File(DebianTestFiles.Pydicom("MR_small.dcm")));

        var crashed = Assert.Single(report.Files, f => f.File == "bad-header.dcm");
        Assert.False(crashed.Accepted);
        Assert.Equal(StagingDecoder.CrashReason, crashed.Message);
        Assert.Equal("MR", Assert.Single(await ImportApi.ItemsAsync(portal.Services, project)).Modality);
        Assert.Equal(2, portal.Runs - runsBefore);
    }

    /// <summary>The portal with a decoder wrapper that aborts on crash.png (decoding) or bad-header.dcm (header scan) unless told to skip it, else runs the real decoder.</summary>
    public sealed class CrashingDecoderPortal : ImportPortalFactory
    {
        public string RunLog => Path.Combine(Folder, "runs.log");

        public int Runs => File.Exists(RunLog) ? File.ReadAllLines(RunLog).Length : 0;

        private string Script => Path.Combine(Folder, "crashing-decoder.sh");

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Import:DecoderPath"] = Script };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var decoder = Path.Combine(AppContext.BaseDirectory, "weakseg.dll");
            // Arguments: stage FOLDER --blobs ROOT --skip FILE
            await File.WriteAllTextAsync(Script, $$"""
                #!/bin/sh
                echo run >> '{{RunLog}}'
                if [ -f "$2/crash.png" ] && ! grep -q '^unit file:crash.png$' "$6"; then
                  echo '{"event":"plan","units":2}'
                  echo '{"event":"start","unit":"file:crash.png","files":["crash.png"]}'
                  kill -ABRT $$
                fi
                if [ -f "$2/bad-header.dcm" ] && ! grep -q '^file bad-header.dcm$' "$6"; then
                  echo '{"event":"scan","file":"bad-header.dcm"}'
                  kill -ABRT $$
                fi
                exec '{{dotnet}}' '{{decoder}}' "$@"
                """.Replace("\r", "", StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }
}
