using System.Globalization;
using WeakSegPortal.Cli;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Imaging;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Cli;

/// <summary>`weakseg suggest`, run in-process through the same dispatcher as the executable, on a demo CT written as NIfTI.</summary>
public sealed class SuggestCommandTests : IDisposable
{
    private const int Slice = 12;
    private readonly TempFolder _temp = new();
    private readonly DemoCase _demo = new DemoVolumeGenerator(2).CreateCt(128, 24);
    private readonly string _input;

    public SuggestCommandTests()
    {
        _input = _temp.File("ct.nii.gz");
        NiftiWriter.Write(_demo.Image, _input);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_box_around_the_left_kidney_gives_a_NIfTI_label_volume_that_matches_it_at_that_slice()
    {
        var (truth, box) = Kidney();
        var output = _temp.File("mask.nii.gz");

        var (code, stdout, stderr) = await Run("suggest", _input, "--engine", "grabcut-box", "--slice", "12", "--box", box, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("grabcut-box 1 on OpenCV, Axial slice 12", stdout, StringComparison.Ordinal);
        var written = VolumeFileReader.CreateDefault().Read(output);
        Assert.Equal(_demo.Image.Geometry.VoxelCount, written.Geometry.VoxelCount);
        var mask = SliceExtractor.Extract(written, SliceOrientation.Axial, Slice).Values.Select(v => v > 0).ToArray();
        Assert.True(Overlap.Dice(mask, truth) > 0.9, $"Dice {Overlap.Dice(mask, truth)}");
        Assert.Equal(0, SliceExtractor.Extract(written, SliceOrientation.Axial, Slice + 1).Values.Count(v => v > 0));
    }

    [Fact]
    public async Task Scribbles_from_a_file_drive_the_seeded_engine_and_the_mask_comes_out_as_PNG()
    {
        var (truth, _) = Kidney();
        var centre = Enumerable.Range(0, truth.Length).Where(n => truth[n]).Select(n => (X: n % 128, Y: n / 128)).ToList();
        var (cx, cy) = (centre.Average(p => p.X), centre.Average(p => p.Y));
        var scribbles = _temp.File("scribbles.json");
        File.WriteAllText(scribbles, FormattableString.Invariant($$"""[{"classId": 3, "width": 3, "points": [[{{cx - 3}}, {{cy}}], [{{cx + 3}}, {{cy}}]]}]"""));
        var output = _temp.File("mask.png");

        var (code, stdout, stderr) = await Run("suggest", _input, "--engine", "grabcut-seeded", "--slice", "12", "--class", "3", "--scribbles", scribbles, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("grabcut-seeded", stdout, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(output)[..4]);
    }

    [Fact]
    public async Task A_SAM_pair_given_on_the_command_line_runs_on_the_CPU_from_clicks()
    {
        var models = new SamTestModels(_temp.Path).Write(SamFamily.MobileSam);
        var output = _temp.File("sam.png");

        var (code, stdout, stderr) = await Run("suggest", _input, "--engine", "mobilesam", "--family", "MobileSam", "--encoder", models.EncoderPath, "--decoder", models.DecoderPath,
            "--points", "40,60;70,60,-", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("mobilesam", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task An_unknown_engine_is_a_usage_error_that_lists_the_registered_ones()
    {
        var (code, _, stderr) = await Run("suggest", _input, "--engine", "sam9", "--box", "1,1,20,20", "--out", _temp.File("x.png"));

        Assert.Equal(2, code);
        Assert.Contains("registered: grabcut-box, grabcut-seeded", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_model_file_is_refused_with_the_reason()
    {
        var models = new SamTestModels(_temp.Path) { MaskInputSizeOverride = 128 }.Write(SamFamily.Sam);

        var (code, _, stderr) = await Run("suggest", _input, "--engine", "sam", "--family", "sam", "--encoder", models.EncoderPath, "--decoder", models.DecoderPath,
            "--box", "1,1,20,20", "--out", _temp.File("x.png"));

        Assert.Equal(3, code);
        Assert.Contains("input 'mask_input' has shape [1,1,128,128], expected [1,1,256,256]", stderr, StringComparison.Ordinal);
    }

    private (bool[] Truth, string Box) Kidney()
    {
        var labels = SliceExtractor.Extract(_demo.Labels, SliceOrientation.Axial, Slice).Values;
        var truth = Array.ConvertAll(labels, v => (int)v == 3);
        var pixels = Enumerable.Range(0, truth.Length).Where(n => truth[n]).ToList();
        var (x0, x1) = (pixels.Min(n => n % 128), pixels.Max(n => n % 128));
        var (y0, y1) = (pixels.Min(n => n / 128), pixels.Max(n => n / 128));
        return (truth, string.Create(CultureInfo.InvariantCulture, $"{x0 - 0.5},{y0 - 0.5},{x1 + 0.5},{y1 + 0.5}"));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandDispatcher.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
