using System.Buffers.Binary;
using WeakSegPortal.Cli;
using WeakSegPortal.Imaging.Tests.Support;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>The weakseg commands, run in-process through the same dispatcher as the executable.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Inspect_prints_dimensions_spacing_modality_and_transfer_syntax()
    {
        var (code, stdout, _) = await Run("inspect", ExternalData.Pydicom("CT_small.dcm"));

        Assert.Equal(0, code);
        Assert.Contains("128 x 128 x 1", stdout, StringComparison.Ordinal);
        Assert.Contains("0.661468 x 0.661468", stdout, StringComparison.Ordinal);
        Assert.Contains("CT", stdout, StringComparison.Ordinal);
        Assert.Contains("Explicit VR Little Endian", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_writes_a_PNG_of_the_requested_slice()
    {
        var output = _temp.File("slice.png");

        var (code, _, _) = await Run("render", ExternalData.Nibabel("anatomical.nii"), "--slice", "12", "--window", "5000,10000", "--out", output);

        Assert.Equal(0, code);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(output)[..4]);
    }

    [Fact]
    public async Task Export_raw_writes_little_endian_float32_x_fastest_and_prints_dims()
    {
        var output = _temp.File("ct.raw");
        var expected = PythonReference.Run("dicom", ExternalData.Pydicom("CT_small.dcm")).Doubles("values");

        var (code, stdout, _) = await Run("export-raw", ExternalData.Pydicom("CT_small.dcm"), "--out", output);
        var bytes = File.ReadAllBytes(output);

        Assert.Equal(0, code);
        Assert.Contains("dims 128 128 1", stdout, StringComparison.Ordinal);
        Assert.Equal(expected.Length * 4, bytes.Length);
        Assert.Equal(expected[130], BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(130 * 4)));
    }

    [Fact]
    public async Task Demo_data_writes_DICOM_and_NIfTI_for_CT_and_MR()
    {
        var (code, _, _) = await Run("demo-data", "--out", _temp.Path, "--size", "32");

        Assert.Equal(0, code);
        Assert.Equal(16, Directory.GetFiles(Path.Combine(_temp.Path, "ct", "dicom")).Length);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "mr", "labels.nii.gz")));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "labels.json")));
    }

    [Fact]
    public async Task A_bad_input_fails_with_a_message_on_stderr_and_a_non_zero_exit_code()
    {
        File.WriteAllText(_temp.File("x.dcm"), "nope");

        var (code, stdout, stderr) = await Run("inspect", _temp.File("x.dcm"));

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Contains("not a DICOM file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_option_is_a_usage_error()
    {
        var (code, _, stderr) = await Run("render", ExternalData.Pydicom("CT_small.dcm"));

        Assert.Equal(2, code);
        Assert.Contains("missing --out", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandDispatcher.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
