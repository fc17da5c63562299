using System.Text.Json;
using System.Text.Json.Nodes;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// The annotation rules shared with the browser (wwwroot/test/annotation-cases.json, also run by
/// wwwroot/test/validation.test.mjs): each command, read as the hub reads it, is stored or refused
/// with exactly the reason the file gives, the browser's reason.
/// </summary>
public sealed class SharedAnnotationCasesTests
{
    private static readonly JsonObject File = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "annotation-cases.json")))!.AsObject();

    public static TheoryData<string> Cases()
    {
        var names = new TheoryData<string>();
        foreach (var c in File["cases"]!.AsArray())
        {
            names.Add((string)c!["name"]!);
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_server_decides_the_shared_case_as_the_browser_does(string name)
    {
        var c = File["cases"]!.AsArray().Single(n => (string)n!["name"]! == name)!.AsObject();
        var image = File["image"]!;
        var project = File["project"]!;
        var geometry = new ItemGeometry((int)image["nx"]!, (int)image["ny"]!, (int)image["nz"]!, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
        var kinds = (c["kinds"] ?? project["kinds"])!.AsArray().Select(k => (string)k!).ToList();
        var schema = new ProjectSummary
        {
            Classes = [.. project["classIds"]!.AsArray().Select(id => new LabelClass((int)id!, $"class {id}", "#ff0000"))],
            AllowedKinds = [.. Enum.GetValues<AnnotationKind>().Where(k => kinds.Contains(AnnotationKindName(k)))],
        };
        var json = Expand(c["command"]!.DeepClone()).AsObject();
        json["commandId"] = Guid.NewGuid().ToString();
        json["itemId"] = Guid.NewGuid().ToString();
        var (command, unreadable) = AnnotationCommandReader.Read(JsonDocument.Parse(json.ToJsonString()).RootElement);
        Assert.Null(unreadable);
        var (shape, reason) = AnnotationCommandValidator.Check(command!, geometry, schema);
        Assert.Equal((string?)c["refused"], reason);
        Assert.Equal(reason is null, shape is not null);
    }

    private static string AnnotationKindName(AnnotationKind kind) =>
        new[] { AnnotationKinds.Box, AnnotationKinds.Scribble, AnnotationKinds.Point, AnnotationKinds.Tag, AnnotationKinds.Polygon, AnnotationKinds.Brush, AnnotationKinds.Mask }
            .Single(k => AnnotationKinds.RequiredSetting(k) == kind);

    /// <summary>{"repeat": [x, y], "count": n} stands for n copies of [x, y]; {"repeat": "text", "count": n} for the text n times.</summary>
    private static JsonNode Expand(JsonNode node) => node switch
    {
        JsonObject o when o["repeat"] is JsonValue text && text.TryGetValue<string>(out var repeated) =>
            JsonValue.Create(string.Concat(Enumerable.Repeat(repeated, (int)o["count"]!))),
        JsonObject o when o["repeat"] is JsonArray xy => new JsonArray([.. Enumerable.Range(0, (int)o["count"]!).Select(_ => xy.DeepClone())]),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Expand(p.Value.DeepClone())))),
        JsonArray a => new JsonArray([.. a.Select(x => x is null ? null : Expand(x.DeepClone()))]),
        _ => node.DeepClone(),
    };
}
