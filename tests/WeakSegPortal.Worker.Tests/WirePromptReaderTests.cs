using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker.Tests;

/// <summary>Propagation's seed mask as the worker reads it from a job: decoded for the engines, refused in a sentence when it does not fit the slice.</summary>
public sealed class WirePromptReaderTests
{
    private static readonly PromptImage Image = new("item", SliceOrientation.Axial, 3, 4, 2, new float[8], 1, 1, "CT");

    private static WirePrompt Prompt(WireMask? seed) => new(Guid.NewGuid(), "axial", 3, 1, new WireBox(0.5, -0.5, 2.5, 1.5), [], []) { SeedMask = seed, SeedSlice = 2 };

    [Fact]
    public void A_seed_mask_reaches_the_engine_decoded()
    {
        var read = WirePromptReader.Read(Prompt(new WireMask(4, 2, [1, 2, 2, 2, 1])), Image, null);
        Assert.Equal([false, true, true, false, false, true, true, false], read.SeedMask!);
    }

    [Fact]
    public void No_seed_mask_is_an_ordinary_prompt() => Assert.Null(WirePromptReader.Read(Prompt(null), Image, null).SeedMask);

    [Fact]
    public void A_seed_mask_of_another_size_is_refused() =>
        Assert.Equal("The previous slice's mask is 3×2; this slice is 4×2.",
            Assert.Throws<PromptNotSupportedException>(() => WirePromptReader.Read(Prompt(new WireMask(3, 2, [6])), Image, null)).Message);

    [Fact]
    public void A_broken_seed_mask_code_is_refused() =>
        Assert.StartsWith("The previous slice's mask cannot be read:",
            Assert.Throws<PromptNotSupportedException>(() => WirePromptReader.Read(Prompt(new WireMask(4, 2, [1, 2])), Image, null)).Message);
}
