using System.Diagnostics;
using WeakSegPortal.Imaging;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Cli.Commands;

/// <summary>
/// `weakseg suggest PATH --engine NAME [prompt options] --out F.png|F.nii[.gz]`: one suggestion through the same
/// registry and engines the worker uses, so engines can be tried and scored outside the portal.
/// </summary>
internal static class SuggestCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var path = args.Positional(0, "PATH");
        var output = args.RequiredOption("out");
        var engineName = args.Option("engine") ?? "grabcut-box";
        var orientation = Enum.TryParse<SliceOrientation>(args.Option("orientation") ?? "axial", ignoreCase: true, out var o)
            ? o : throw new CliUsageException("--orientation must be axial, coronal or sagittal");
        var classId = args.IntOption("class") ?? 1;

        var volume = VolumeFileReader.CreateDefault().Read(path, cancellationToken);
        var count = SliceExtractor.SliceCount(volume, orientation);
        var slice = args.IntOption("slice") ?? count / 2;
        if (slice < 0 || slice >= count)
        {
            throw new CliUsageException($"--slice must be in 0..{count - 1} for this volume ({orientation})");
        }

        var image = PromptImage.FromVolume(Path.GetFileName(path), volume, orientation, slice);
        var prompt = new SuggestionPrompt(image, classId)
        {
            Box = SuggestPromptParser.Box(args.Option("box"), slice, classId),
            Points = SuggestPromptParser.Points(args.Option("points"), slice, classId),
            Scribbles = SuggestPromptParser.Scribbles(args.Option("scribbles"), slice),
        };

        using var registry = new SuggestionEngineRegistry(Options(args));
        ISuggestionEngine engine;
        try
        {
            engine = registry.Get(engineName);
        }
        catch (KeyNotFoundException e)
        {
            throw new CliUsageException(e.Message);
        }
        catch (ModelRefusedException e)
        {
            throw new CliRefusedException(e.Message);
        }

        var clock = Stopwatch.StartNew();
        Suggestion suggestion;
        try
        {
            suggestion = await engine.SuggestAsync(prompt, cancellationToken);
        }
        catch (PromptNotSupportedException e)
        {
            throw new CliUsageException(e.Message);
        }

        var elapsed = clock.Elapsed;
        MaskWriter.Write(output, suggestion.Mask, suggestion.Width, suggestion.Height, volume, orientation, slice);
        var area = suggestion.Mask.Count(m => m);
        await stdout.WriteLineAsync(FormattableString.Invariant(
            $"wrote {output}: {suggestion.Engine} on {suggestion.ExecutionProvider}, {orientation} slice {slice}, {suggestion.Width} x {suggestion.Height}, {area} pixels, score {suggestion.Score:0.000}, {elapsed.TotalMilliseconds:0} ms"));
        return 0;
    }

    /// <summary>A SAM-family model given by --family, --encoder and --decoder is registered under the family's name.</summary>
    private static SuggestionEngineOptions Options(CliArguments args)
    {
        if (args.Option("encoder") is not { } encoder)
        {
            return new SuggestionEngineOptions();
        }

        var familyText = args.RequiredOption("family");
        var family = Enum.TryParse<SamFamily>(familyText, ignoreCase: true, out var f)
            ? f : throw new CliUsageException($"--family must be one of {string.Join(", ", Enum.GetNames<SamFamily>())}, not '{familyText}'");
        var model = new SamModelOptions(family, encoder, args.RequiredOption("decoder"));
        return new SuggestionEngineOptions { SamModels = { [family.ToString().ToLowerInvariant()] = model } };
    }
}
