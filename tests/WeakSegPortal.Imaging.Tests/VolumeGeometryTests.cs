using System.Text.Json;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests;

public class VolumeGeometryTests
{
    /// <summary>Tolerance of the shared cases (their "about"): 1e-4 mm or voxel.</summary>
    private const double Tolerance = 1e-4;

    /// <summary>Each case of the file the browser's geometry is held to (wwwroot/test/geometry-cases.json), by position.</summary>
    public static TheoryData<int> CaseNames()
    {
        var data = new TheoryData<int>();
        for (var n = 0; n < Cases().GetArrayLength(); n++)
        {
            data.Add(n);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Index_to_world_matches_the_shared_case(int n)
    {
        var (geometry, index, world) = Load(n);
        Support.VolumeAssert.Near(world, geometry.IndexToWorld(index), Tolerance);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void World_to_index_inverts_index_to_world(int n)
    {
        var (geometry, index, world) = Load(n);
        Support.VolumeAssert.Near(index, geometry.WorldToIndex(world), Tolerance);
    }

    [Fact]
    public void Voxel_centres_are_at_integer_indices()
    {
        var geometry = new VolumeGeometry(4, 4, 4, new Vec3(2, 2, 2), new Vec3(10, 20, 30), Direction3.Identity);
        Assert.Equal(new Vec3(10, 20, 30), geometry.IndexToWorld(new Vec3(0, 0, 0)));
        Assert.Equal(new Vec3(0.5, 0, 0), geometry.WorldToIndex(new Vec3(11, 20, 30)));
    }

    private static JsonElement Cases()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "geometry-cases.json"));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("cases").Clone();
    }

    private static (VolumeGeometry Geometry, Vec3 Index, Vec3 World) Load(int n)
    {
        var c = Cases()[n];
        Vec3 V(string p)
        {
            var a = c.GetProperty(p).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            return new Vec3(a[0], a[1], a[2]);
        }

        var d = c.GetProperty("direction").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var direction = new Direction3(new Vec3(d[0], d[3], d[6]), new Vec3(d[1], d[4], d[7]), new Vec3(d[2], d[5], d[8]));
        return (new VolumeGeometry(10, 10, 10, V("spacing"), V("origin"), direction), V("index"), V("world"));
    }
}
