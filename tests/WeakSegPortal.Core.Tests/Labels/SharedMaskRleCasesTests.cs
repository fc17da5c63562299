using System.Text.Json.Nodes;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>
/// The mask code shared with the browser (wwwroot/test/mask-rle-cases.json, wwwroot/src/mask-rle.js):
/// a suggestion the server encodes must be the mask the browser shows, and an accepted mask the
/// browser encodes must be the one the server stores.
/// </summary>
public sealed class SharedMaskRleCasesTests
{
    private static readonly JsonObject Root = JsonNode.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "TestData", "mask-rle-cases.json")))!.AsObject();

    [Fact]
    public void Every_shared_case_encodes_and_decodes_exactly_as_written()
    {
        var cases = Root["cases"]!.AsArray();
        Assert.NotEmpty(cases);
        foreach (var c in cases.Select(n => n!.AsObject()))
        {
            var (width, height) = ((int)c["width"]!, (int)c["height"]!);
            var mask = new bool[width * height];
            foreach (var v in c["mask"]!.AsArray())
            {
                mask[(int)v!] = true;
            }
            var counts = c["counts"]!.AsArray().Select(n => (int)n!).ToArray();
            Assert.Equal(counts, MaskRle.Encode(mask));
            Assert.Equal(mask, MaskRle.Decode(counts, width, height));
        }
    }

    [Fact]
    public void Every_shared_bad_code_is_refused_with_its_reason()
    {
        var refused = Root["refused"]!.AsArray();
        Assert.NotEmpty(refused);
        foreach (var c in refused.Select(n => n!.AsObject()))
        {
            var counts = c["counts"]!.AsArray().Select(n => (int)n!).ToArray();
            var (width, height) = ((int)c["width"]!, (int)c["height"]!);
            var because = (string)c["because"]!;
            Assert.Contains(because, MaskRle.Problem(counts, width, height) ?? "", StringComparison.Ordinal);
            var thrown = Assert.Throws<ArgumentException>(() => MaskRle.Decode(counts, width, height));
            Assert.Contains(because, thrown.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_random_mask_survives_the_round_trip()
    {
        var random = new Random(7);
        var mask = Enumerable.Range(0, 64 * 48).Select(_ => random.NextDouble() < 0.3).ToArray();
        Assert.Equal(mask, MaskRle.Decode(MaskRle.Encode(mask), 64, 48));
    }
}
