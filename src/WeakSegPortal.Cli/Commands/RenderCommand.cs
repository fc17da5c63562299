using System.Globalization;
using WeakSegPortal.Imaging;
using WeakSegPortal.Imaging.Rendering;

namespace WeakSegPortal.Cli.Commands;

/// <summary>`weakseg render PATH --slice N [--window C,W | --preset NAME] --out F.png`.</summary>
internal static class RenderCommand
{
    public static int Run(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var path = args.Positional(0, "PATH");
        var output = args.RequiredOption("out");
        var orientation = ParseOrientation(args.Option("orientation") ?? "axial");
        var volume = VolumeFileReader.CreateDefault().Read(path, cancellationToken);
        var count = SliceExtractor.SliceCount(volume, orientation);
        var index = args.IntOption("slice") ?? count / 2;
        if (index < 0 || index >= count)
        {
            throw new CliUsageException($"--slice must be in 0..{count - 1} for this volume ({orientation})");
        }

        var window = ParseWindow(args) ?? PercentileWindow.Default(volume);
        var slice = SliceExtractor.Extract(volume, orientation, index);
        File.WriteAllBytes(output, PngSliceEncoder.Encode(slice, window));
        stdout.WriteLine($"wrote {output}: {orientation} slice {index} of {count}, {slice.Width} x {slice.Height}, window {window}");
        return 0;
    }

    private static WindowLevel? ParseWindow(CliArguments args)
    {
        if (args.Option("window") is { } text)
        {
            var parts = text.Split(',');
            if (parts.Length == 2 &&
                double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var center) &&
                double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var width) && width > 0)
            {
                return new WindowLevel(center, width);
            }

            throw new CliUsageException($"--window must be CENTER,WIDTH with WIDTH > 0, not '{text}'");
        }

        if (args.Option("preset") is { } name)
        {
            return WindowPresets.TryGet(name, out var preset)
                ? preset
                : throw new CliUsageException($"unknown preset '{name}'; use one of {string.Join(", ", WindowPresets.ByName.Keys)}");
        }

        return null;
    }

    private static SliceOrientation ParseOrientation(string text) =>
        Enum.TryParse<SliceOrientation>(text, ignoreCase: true, out var orientation)
            ? orientation
            : throw new CliUsageException($"--orientation must be axial, coronal or sagittal, not '{text}'");
}
