using WeakSegPortal.Cli.Bench;
using WeakSegPortal.Training.Bench;

namespace WeakSegPortal.Cli.Commands;

/// <summary>`weakseg simulate --out DIR [--items N] [--size N] [--seed N] [--absence P]`: a synthetic data set with exact truth and the simulated crowd's weak labels.</summary>
internal static class SimulateCommand
{
    public static int Run(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var folder = args.RequiredOption("out");
        var items = args.IntOption("items") ?? 24;
        var size = args.IntOption("size") ?? 64;
        if (items is < 2 or > 10_000 || size is < 16 or > 1024 || size % 8 != 0)
        {
            throw new CliUsageException("--items must be 2–10000 and --size a multiple of 8 from 16 to 1024");
        }
        var set = SyntheticBenchSet.Generate(items, size, args.IntOption("seed") ?? 42, args.DoubleOption("absence") ?? 0.3);
        foreach (var path in BenchSetFiles.Write(set, folder, cancellationToken))
        {
            stdout.WriteLine($"wrote {path}");
        }
        stdout.WriteLine($"{set.Items.Count} items ({size}×{size}, CT-like and MR-like), {set.AnnotatorNames.Count} annotators, careless: {set.AnnotatorNames[set.CarelessAnnotator]}");
        return 0;
    }
}
