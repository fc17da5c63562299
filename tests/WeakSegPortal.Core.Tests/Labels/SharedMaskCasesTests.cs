using System.Text.Json;
using System.Text.Json.Nodes;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>
/// The full-mask cases shared with the browser (wwwroot/test/mask-cases.json): what the annotator
/// sees composed in the workspace must be what the agreement maths reads. With
/// WEAKSEG_WRITE_MASK_CASES=1 the test rewrites the expected voxels from this rasterizer instead
/// (for a deliberate change of the rules; the browser's test must then agree with the new file).
/// </summary>
public sealed class SharedMaskCasesTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "TestData", "mask-cases.json");

    [Fact]
    public void The_server_paints_every_shared_case_exactly_as_written()
    {
        var root = JsonNode.Parse(System.IO.File.ReadAllText(File))!.AsObject();
        var cases = root["cases"]!.AsArray();
        Assert.NotEmpty(cases);
        var write = Environment.GetEnvironmentVariable("WEAKSEG_WRITE_MASK_CASES") == "1";
        foreach (var c in cases.Select(n => n!.AsObject()))
        {
            var grid = new Grid((int)c["nx"]!, (int)c["ny"]!, 1);
            var shapes = c["shapes"]!.AsArray().Select(s => Shape(s!.AsObject())).ToList();
            var painted = new JsonObject();
            foreach (var classId in shapes.Select(s => s.ClassId).Distinct().Order())
            {
                var mask = WeakLabelRasterizer.Painted(shapes, classId, grid)!;
                painted[classId.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                    new JsonArray([.. Enumerable.Range(0, mask.Length).Where(v => mask[v]).Select(v => (JsonNode)v)]);
            }
            if (write)
            {
                c["painted"] = painted;
                continue;
            }
            Assert.True(JsonNode.DeepEquals(c["painted"], painted), $"{c["name"]}: expected {c["painted"]?.ToJsonString()}, painted {painted.ToJsonString()}");
        }
        if (write)
        {
            var source = Path.Combine(SourceConsumers.RepositoryRoot(), "wwwroot", "test", "mask-cases.json");
            System.IO.File.WriteAllText(source, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }

    private static IMaskShape Shape(JsonObject s)
    {
        var classId = (int)s["classId"]!;
        static List<PlanePoint> Points(JsonNode? points) =>
            [.. points!.AsArray().Select(p => new PlanePoint((double)p![0]!, (double)p[1]!))];
        return (string?)s["kind"] switch
        {
            "polygon" => new Polygon(Points(s["polygon"]!["points"]), 0, classId),
            "brush" => new BrushStroke(Points(s["brush"]!["points"]), (double)s["brush"]!["width"]!, 0, classId, (bool)s["brush"]!["erase"]!),
            "mask" => new SliceMask((int)s["mask"]!["width"]!, (int)s["mask"]!["height"]!, [.. s["mask"]!["counts"]!.AsArray().Select(n => (int)n!)], 0, classId),
            var kind => throw new InvalidDataException($"Unknown shape kind {kind}."),
        };
    }
}
