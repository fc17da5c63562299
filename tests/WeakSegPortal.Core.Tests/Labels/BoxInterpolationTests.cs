using System.Text.Json;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>The box interpolation rule held to the case file the browser's box-interpolation.js is held to.</summary>
public sealed class BoxInterpolationTests
{
    private static readonly JsonElement Cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "box-interpolation-cases.json"))).RootElement.GetProperty("cases");

    public static TheoryData<string> Names() => [.. Cases.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Boxes_between_two_boxes_follow_the_shared_cases(string name)
    {
        var c = Cases.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var (boxes, refused) = BoxInterpolation.Between(Box(c.GetProperty("a")), Box(c.GetProperty("b")));
        Assert.Equal(c.GetProperty("refused").ValueKind == JsonValueKind.Null ? null : c.GetProperty("refused").GetString(), refused);
        var expected = c.GetProperty("between").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.GetProperty("slice").GetInt32()), boxes.Select(b => b.Slice));
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.Equal(c.GetProperty("a").GetProperty("classId").GetInt32(), boxes[i].ClassId);
            Assert.Equal(PlaneOf(expected[i]), boxes[i].Plane);
            Assert.Equal(expected[i].GetProperty("x0").GetDouble(), boxes[i].X0, 9);
            Assert.Equal(expected[i].GetProperty("y0").GetDouble(), boxes[i].Y0, 9);
            Assert.Equal(expected[i].GetProperty("x1").GetDouble(), boxes[i].X1, 9);
            Assert.Equal(expected[i].GetProperty("y1").GetDouble(), boxes[i].Y1, 9);
        }
    }

    private static Box2D Box(JsonElement e) => new(
        e.GetProperty("x0").GetDouble(), e.GetProperty("y0").GetDouble(), e.GetProperty("x1").GetDouble(), e.GetProperty("y1").GetDouble(),
        e.GetProperty("slice").GetInt32(), e.GetProperty("classId").GetInt32(), PlaneOf(e));

    /// <summary>A case box's "plane" (absent: axial).</summary>
    private static SlicePlane PlaneOf(JsonElement e) =>
        SlicePlaneNames.TryParse(e.TryGetProperty("plane", out var plane) ? plane.GetString() : null, out var parsed) ? parsed : throw new InvalidDataException($"Unknown plane in {e}.");
}
