using System.Reflection;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Annotations;

/// <summary>
/// A kind of label exists in one place per layer: its wire name, its project setting, its command
/// shape and its event. These tests fail when one of them is added without the others.
/// </summary>
public sealed class AnnotationKindCoverageTests
{
    private static readonly string[] WireKinds =
        [.. typeof(AnnotationKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>A valid command of each drawing kind on a 64 × 48 × 8 item; a new kind needs one here.</summary>
    private static AnnotationCommand SampleOf(string kind) => kind switch
    {
        AnnotationKinds.Box => new(Guid.NewGuid(), Guid.NewGuid(), kind, 1, 3, Box: new BoxShape(2, 2, 20, 20)),
        AnnotationKinds.Scribble => new(Guid.NewGuid(), Guid.NewGuid(), kind, 1, 3, Scribble: new ScribbleShape([[2, 2], [9, 9]], 3)),
        AnnotationKinds.Point => new(Guid.NewGuid(), Guid.NewGuid(), kind, 1, 3, Point: new PointShape(5, 5, true)),
        AnnotationKinds.Tag => new(Guid.NewGuid(), Guid.NewGuid(), kind, 1, null, Tag: new TagValue(true)),
        AnnotationKinds.Polygon => new(Guid.NewGuid(), Guid.NewGuid(), kind, 1, 3, Polygon: new PolygonShape([[2, 2], [20, 2], [20, 20]])),
        AnnotationKinds.Brush => new(Guid.NewGuid(), Guid.NewGuid(), kind, 1, 3, Brush: new BrushShape([[2, 2], [9, 9]], 4, false)),
        _ => throw new Xunit.Sdk.XunitException($"\"{kind}\" has no sample command: add one, with its validation, event and consumers."),
    };

    [Fact]
    public void Every_project_setting_has_a_wire_kind_and_every_wire_kind_but_delete_a_setting()
    {
        Assert.Equal(Enum.GetValues<AnnotationKind>().Order(), WireKinds.Select(AnnotationKinds.RequiredSetting).OfType<AnnotationKind>().Order());
        Assert.Equal([AnnotationKinds.Delete], WireKinds.Where(k => AnnotationKinds.RequiredSetting(k) is null));
    }

    [Fact]
    public void Every_drawing_kind_is_accepted_and_makes_its_own_label_event_and_every_label_event_is_made_by_one()
    {
        var project = new ProjectSummary { Classes = [new LabelClass(1, "Liver", "#ff0000")], AllowedKinds = [.. Enum.GetValues<AnnotationKind>()] };
        var geometry = new ItemGeometry(64, 48, 8, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
        var made = new List<Type>();
        foreach (var kind in WireKinds.Where(k => k != AnnotationKinds.Delete))
        {
            var command = SampleOf(kind);
            var (shape, reason) = AnnotationCommandValidator.Check(command, geometry, project);
            Assert.True(shape is not null, $"{kind}: {reason}");
            var e = (ILabelMade)AnnotationEventFactory.Created(Guid.NewGuid(), command.ItemId, Guid.NewGuid(), command, shape, DateTimeOffset.UtcNow);
            Assert.Equal(kind, e.ToStored().Kind);
            made.Add(e.GetType());
        }
        Assert.Equal(AnnotationEventTypes.Made.Select(t => t.Name).Order(), made.Select(t => t.Name).Order());
    }
}
