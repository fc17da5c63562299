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
        AnnotationKinds.Mask => new(Guid.NewGuid(), Guid.NewGuid(), kind, 1, 3, Mask: new MaskShape(64, 48, [100, 20, 64 * 48 - 120])),
        _ => throw new Xunit.Sdk.XunitException($"\"{kind}\" has no sample command: add one, with its validation, event and consumers."),
    };

    /// <summary>The names of the set members that carry a kind's geometry (named after the kinds).</summary>
    private static string[] GeometryMembers(object commandOrView) =>
        [.. WireKinds.Select(k => char.ToUpperInvariant(k[0]) + k[1..])
            .Where(name => commandOrView.GetType().GetProperty(name)?.GetValue(commandOrView) is not null)];

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
            var stored = e.ToStored();
            Assert.Equal(kind, stored.Kind);
            Assert.Equal((command.ClassId, command.Slice), (stored.ClassId, stored.Slice));
            // Read back as the browser reads it: the same member as sent is set, and nothing else.
            var view = AnnotationView.From(command.ItemId, stored);
            Assert.Equal(GeometryMembers(command), GeometryMembers(view));
            made.Add(e.GetType());
        }
        Assert.Equal(AnnotationEventTypes.Made.Select(t => t.Name).Order(), made.Select(t => t.Name).Order());
    }

    [Fact]
    public void Every_full_mask_shape_is_made_by_a_kind_and_reaches_the_agreement_maths_on_its_slice()
    {
        var project = new ProjectSummary { Classes = [new LabelClass(1, "Liver", "#ff0000")], AllowedKinds = [.. Enum.GetValues<AnnotationKind>()] };
        var geometry = new ItemGeometry(64, 48, 8, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
        var stored = WireKinds.Where(k => k != AnnotationKinds.Delete).Select(kind =>
        {
            var command = SampleOf(kind);
            var (shape, _) = AnnotationCommandValidator.Check(command, geometry, project);
            return ((ILabelMade)AnnotationEventFactory.Created(Guid.NewGuid(), command.ItemId, Guid.NewGuid(), command, shape!, DateTimeOffset.UtcNow)).ToStored();
        }).ToList();
        var shapeTypes = typeof(WeakSegPortal.Core.Labels.IMaskShape).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(WeakSegPortal.Core.Labels.IMaskShape).IsAssignableFrom(t))
            .Select(t => t.Name).Order();
        var weak = new AnnotatorItemLabels { Annotations = stored }.ToWeakLabels();
        Assert.Equal(shapeTypes, weak.Masks.Select(m => m.GetType().Name).Order());
        // The agreement maths moves each one onto the compact grid of labelled slices.
        var onSlice = WeakSegPortal.Core.Labels.LabelledSlices.OnSlice(weak, 3, new WeakSegPortal.Core.Labels.Grid(64, 48, 8));
        Assert.Equal(weak.Masks.Count, onSlice.Masks.Count);
        Assert.All(onSlice.Masks, m => Assert.Equal(0, m.Slice));
    }

    [Fact]
    public void Every_drawing_kind_a_project_does_not_allow_is_refused_by_its_own_plural()
    {
        var project = new ProjectSummary { Classes = [new LabelClass(1, "Liver", "#ff0000")], AllowedKinds = [] };
        var geometry = new ItemGeometry(64, 48, 8, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
        var reasons = WireKinds.Where(k => k != AnnotationKinds.Delete)
            .Select(kind => AnnotationCommandValidator.Check(SampleOf(kind), geometry, project).Reason!)
            .ToList();
        Assert.All(reasons, r => Assert.EndsWith(" are not allowed in this project.", r, StringComparison.Ordinal));
        Assert.All(reasons, r => Assert.True(char.IsUpper(r[0]), $"\"{r}\": the kind has no plural in AnnotationCommandValidator"));
        Assert.Equal(reasons.Count, reasons.Distinct().Count());
    }
}
