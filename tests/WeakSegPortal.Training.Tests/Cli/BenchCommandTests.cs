using System.Globalization;
using WeakSegPortal.Cli;
using WeakSegPortal.Cli.Bench;
using WeakSegPortal.Training.Bench;

namespace WeakSegPortal.Training.Tests.Cli;

/// <summary>`weakseg simulate` and `weakseg bench` end to end on a tiny configuration (a few steps of a tiny network: shape, not quality).</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("weakseg-bench-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CommandDispatcher.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Simulate_writes_images_label_volumes_and_annotations_that_read_back_as_generated()
    {
        var (code, stdout, stderr) = await Run("simulate", "--out", folder, "--items", "4", "--size", "32", "--seed", "7", "--absence", "0");

        Assert.True(code == 0, stderr);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "images"), "*.nii.gz").Length);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "labels"), "*.nii.gz").Length);
        Assert.Contains("careless: ann-careless", stdout);
        var expected = SyntheticBenchSet.Generate(4, 32, 7, absenceRate: 0);
        var read = BenchSetFiles.ReadSimulated(folder, CancellationToken.None);
        Assert.Equal(expected.Classes, read.Classes);
        Assert.Equal(expected.CarelessAnnotator, read.CarelessAnnotator);
        for (var n = 0; n < 4; n++)
        {
            Assert.Equal(expected.Items[n].Grid, read.Items[n].Grid);
            Assert.Equal(expected.Items[n].Truth, read.Items[n].Truth);
            Assert.Equal(expected.Items[n].Image, read.Items[n].Image);
            Assert.Equal(expected.Items[n].Annotators.Select(a => a.AnnotatorId), read.Items[n].Annotators.Select(a => a.AnnotatorId));
            for (var a = 0; a < expected.Items[n].Annotators.Count; a++)
            {
                var (want, got) = (expected.Items[n].Annotators[a].Labels, read.Items[n].Annotators[a].Labels);
                Assert.Equal(want.Boxes, got.Boxes);
                Assert.Equal(want.Points, got.Points);
                Assert.Equal(want.Tags, got.Tags);
                Assert.Equal(want.Scribbles.SelectMany(s => s.Points), got.Scribbles.SelectMany(s => s.Points));
            }
        }
    }

    [Fact]
    public async Task Bench_on_a_simulated_folder_prints_one_row_per_case_with_Dice_HD95_and_share_of_full()
    {
        Assert.Equal(0, (await Run("simulate", "--out", folder, "--items", "4", "--size", "32", "--absence", "0")).Code);

        var (code, stdout, stderr) = await Run("bench", "--data", folder, "--steps", "2", "--batch", "2", "--depth", "2", "--channels", "2", "--threads", "1");

        Assert.True(code == 0, stderr);
        Assert.Contains("4 items (3 train, 1 held out), 2 classes", stdout);
        Assert.Contains("reliability ann-careless (careless): ", stdout);
        var table = stdout[stdout.IndexOf(BenchTable.Header, StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(BenchCase.All.Count + 1, table.Length);
        for (var n = 0; n < BenchCase.All.Count; n++)
        {
            var row = table[n + 1];
            Assert.StartsWith(BenchCase.All[n].Name, row, StringComparison.Ordinal);
            var figures = row[27..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var dice = double.Parse(figures[0], CultureInfo.InvariantCulture);
            Assert.InRange(dice, 0, 1);
            Assert.True(double.Parse(figures[1], CultureInfo.InvariantCulture) >= 0, row);
            Assert.EndsWith("%", figures[2], StringComparison.Ordinal);
        }
        Assert.Contains("100.0%", table[1], StringComparison.Ordinal); // full masks against itself
    }

    [Fact]
    public async Task Bench_takes_outside_image_and_label_folders_and_simulates_the_annotators_from_the_labels()
    {
        Assert.Equal(0, (await Run("simulate", "--out", folder, "--items", "4", "--size", "32", "--absence", "0")).Code);

        var (code, stdout, stderr) = await Run("bench", "--image", Path.Combine(folder, "images"), "--label", Path.Combine(folder, "labels"),
            "--modality", "mr", "--cases", "full-masks,boxes", "--steps", "2", "--batch", "2", "--depth", "2", "--channels", "2", "--threads", "1");

        Assert.True(code == 0, stderr);
        Assert.Contains("4 items (3 train, 1 held out), 2 classes", stdout);
        var table = stdout[stdout.IndexOf(BenchTable.Header, StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["full masks", "boxes"], table.Skip(1).Select(r => r[..27].Trim()));
    }

    [Fact]
    public async Task Bench_refuses_an_unknown_case_and_names_the_known_ones()
    {
        var (code, _, stderr) = await Run("bench", "--cases", "full-masks,polygons");

        Assert.Equal(2, code);
        Assert.Contains("unknown case(s) polygons; cases: full-masks, scribbles, boxes, points, points-pce-only, tags, scribbles-plain-majority", stderr);
    }

    [Fact]
    public async Task Bench_dump_writes_per_case_a_montage_and_each_items_true_and_predicted_areas()
    {
        Assert.Equal(0, (await Run("simulate", "--out", folder, "--items", "4", "--size", "32", "--absence", "0")).Code);
        var dump = Path.Combine(folder, "dump");

        var (code, _, stderr) = await Run("bench", "--data", folder, "--steps", "2", "--batch", "2", "--depth", "2", "--channels", "2",
            "--threads", "1", "--cases", "boxes", "--dump", dump);

        Assert.True(code == 0, stderr);
        var png = File.ReadAllBytes(Path.Combine(dump, "boxes.png"));
        Assert.Equal(4 * (32 * 4 + 2), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(4 * (32 * 4 + 2), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        var rows = File.ReadAllLines(Path.Combine(dump, "boxes.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        var set = BenchSetFiles.ReadSimulated(folder, CancellationToken.None);
        Assert.Equal(4 * (set.Classes - 1), rows.Count);
        Assert.Equal(["yes", "yes", "no", "no", "no", "no", "no", "no"], rows.Select(r => r[1]));
        foreach (var row in rows)
        {
            var item = set.Items.Single(i => i.Name == row[0]);
            Assert.Equal(item.Truth.Count(t => t == byte.Parse(row[2], CultureInfo.InvariantCulture)), int.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.InRange(double.Parse(row[5], CultureInfo.InvariantCulture), 0, 1);
        }
    }
}
