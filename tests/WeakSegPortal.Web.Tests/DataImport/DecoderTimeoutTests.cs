using System.Diagnostics;
using WeakSegPortal.Web.DataImport;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.DataImport;

/// <summary>
/// A decoder that hangs on one file (or on one header) is killed after Import:DecodeTimeout: that file
/// is refused as timed out, a fresh run decodes the rest, and the import answers soon after the limit.
/// </summary>
public sealed class DecoderTimeoutTests(DecoderTimeoutTests.HangingDecoderPortal portal) : IClassFixture<DecoderTimeoutTests.HangingDecoderPortal>
{
    // Long enough for a fresh decoder process to start and decode a small file on a loaded machine (2 s was not, under load 20).
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_file_the_decoder_hangs_on_is_refused_as_timed_out_and_the_rest_imported()
    {
        var project = await TestData.ProjectAsync(portal.Services, TestData.Draft("Hang import"));
        var clock = Stopwatch.StartNew();
        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project,
            ("hang.png", ImportTests.Png(8, 8)), ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm")));
        clock.Stop();

        var hung = Assert.Single(report.Files, f => f.File == "hang.png");
        Assert.False(hung.Accepted);
        Assert.Equal(StagingDecoder.TimeoutReason(Limit), hung.Message);
        Assert.True(Assert.Single(report.Files, f => f.File == "CT_small.dcm").Accepted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the import took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_header_the_decoder_hangs_on_is_refused_as_timed_out_and_the_rest_imported()
    {
        var project = await TestData.ProjectAsync(portal.Services, TestData.Draft("Header hang import"));
        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project,
            ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm"), "hang-header.dcm"), ImportApi.File(DebianTestFiles.Pydicom("MR_small.dcm")));

        Assert.Equal(StagingDecoder.TimeoutReason(Limit), Assert.Single(report.Files, f => f.File == "hang-header.dcm").Message);
        Assert.Equal("MR", Assert.Single(await ImportApi.ItemsAsync(portal.Services, project)).Modality);
    }

    /// <summary>The portal with a decoder wrapper that stops answering on hang.png (decoding) or hang-header.dcm (header scan) unless told to skip it.</summary>
    public sealed class HangingDecoderPortal : ImportPortalFactory
    {
        private string Script => Path.Combine(Folder, "hanging-decoder.sh");

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Import:DecoderPath"] = Script,
            ["Import:DecodeTimeout"] = Limit.ToString(),
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var decoder = Path.Combine(AppContext.BaseDirectory, "weakseg.dll");
            // Arguments: stage FOLDER --blobs ROOT --skip FILE
            await File.WriteAllTextAsync(Script, $$"""
                #!/bin/sh
                if [ -f "$2/hang.png" ] && ! grep -q '^unit file:hang.png$' "$6"; then
                  echo '{"event":"plan","units":2}'
                  echo '{"event":"start","unit":"file:hang.png","files":["hang.png"]}'
                  exec sleep 600
                fi
                if [ -f "$2/hang-header.dcm" ] && ! grep -q '^file hang-header.dcm$' "$6"; then
                  echo '{"event":"scan","file":"hang-header.dcm"}'
                  exec sleep 600
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
