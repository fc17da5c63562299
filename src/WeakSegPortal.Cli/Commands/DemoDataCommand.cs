using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Dicom;

namespace WeakSegPortal.Cli.Commands;

/// <summary>`weakseg demo-data --out DIR [--seed N] [--size N]`: synthetic CT and MR cases with exact masks.</summary>
internal static class DemoDataCommand
{
    public static int Run(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var folder = args.RequiredOption("out");
        var seed = args.IntOption("seed") ?? 42;
        var size = args.IntOption("size") ?? 128;
        if (size is < 16 or > 1024)
        {
            throw new CliUsageException("--size must be between 16 and 1024");
        }

        var written = new DemoDataWriter(new GdcmDicomSeriesWriter()).Write(folder, seed, size, cancellationToken);
        foreach (var path in written)
        {
            stdout.WriteLine($"wrote {path}");
        }

        return 0;
    }
}
