using System.Text.Json;
using System.Text.Json.Serialization;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Consistency;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>
/// Each consumer of box geometry in Labels and Core, given a box drawn on a coronal or sagittal plane. Every assertion
/// here fails for a consumer that reads the box as axial (slice = k, x = i, y = j). <see cref="BoxGeometryConsumersTests"/>
/// fails when a source file that reads boxes is in no such table.
/// </summary>
public sealed class BoxPlaneConsumerTests
{
    /// <summary>16 × 12 × 8: a coronal slice j = 9 exists, an axial slice 9 does not.</summary>
    private static readonly Grid Volume = new(16, 12, 8);

    /// <summary>Coronal slice j = 9, voxels i 2..10 and k 1..4 (36 voxels).</summary>
    private static readonly Box2D Coronal = new(1.5, 0.5, 10.5, 4.5, 9, 1, SlicePlane.Coronal);

    private static WeakLabels Boxes(params Box2D[] boxes) => new() { Boxes = boxes };

    [Fact]
    public void A_box_stored_before_planes_existed_reads_as_axial_and_a_reformat_box_keeps_its_plane()
    {
        // The event store writes enums as strings (HostingExtensions: EnumStorage.AsString) with System.Text.Json.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var old = JsonSerializer.Deserialize<Box2D>("""{"x0": 1, "y0": 2, "x1": 5, "y1": 6, "slice": 3, "classId": 1}""", json);
        Assert.Equal(new Box2D(1, 2, 5, 6, 3, 1), old);
        Assert.Equal(Coronal, JsonSerializer.Deserialize<Box2D>(JsonSerializer.Serialize(Coronal, json), json));
    }

    [Fact]
    public void A_reformat_box_is_held_to_its_own_plane_s_axes()
    {
        Assert.True(ImageBounds.Contains(Volume, Coronal));
        Assert.False(ImageBounds.Contains(Volume, Coronal with { Y1 = 7.6 }));   // k past Nz, though within Ny
        Assert.True(ImageBounds.Contains(Volume, new Box2D(0, 0, 11.5, 7.5, 15, 1, SlicePlane.Sagittal)));
        Assert.False(ImageBounds.Contains(Volume, new Box2D(0, 0, 12, 7, 3, 1, SlicePlane.Sagittal)));   // j past Ny, though within Nx
        Assert.False(ImageBounds.Contains(Volume, Coronal with { Slice = 12 }));
    }

    [Fact]
    public void A_coronal_box_fills_row_j_over_its_i_range_on_each_axial_slice_it_crosses()
    {
        var mask = BoxRasterizer.ToMask(Coronal, Volume);
        var filled = Enumerable.Range(0, mask.Length).Where(v => mask[v]).ToList();
        Assert.Equal(36, filled.Count);
        Assert.All(filled, v => Assert.Equal(9, v / Volume.Nx % Volume.Ny));
        Assert.Equal([1, 2, 3, 4], filled.Select(v => v / Volume.SliceSize).Distinct().Order());
        var sagittal = BoxRasterizer.ToMask(new Box2D(2.5, 0.5, 5.5, 2.5, 7, 1, SlicePlane.Sagittal), Volume);
        Assert.Equal(6, sagittal.Count(v => v));
        Assert.True(sagittal[Volume.Index(7, 3, 1)] && sagittal[Volume.Index(7, 5, 2)]);
    }

    [Fact]
    public void A_coronal_box_makes_its_coronal_slice_outside_it_background_and_says_nothing_off_it()
    {
        var states = WeakLabelRasterizer.Rasterize(Boxes(Coronal), 1, Volume);
        Assert.Equal((byte)LabelState.Negative, states[Volume.Index(0, 9, 2)]);    // row j, outside the i range
        Assert.Equal((byte)LabelState.Negative, states[Volume.Index(5, 9, 6)]);    // plane j, outside the k range
        Assert.Equal((byte)LabelState.Unknown, states[Volume.Index(5, 9, 2)]);     // inside
        Assert.Equal((byte)LabelState.Unknown, states[Volume.Index(0, 3, 2)]);     // another row of a crossed axial slice
    }

    [Fact]
    public void A_reformat_box_labels_every_axial_slice_it_crosses_and_keeps_its_length_on_the_compact_grid()
    {
        var slices = LabelledSlices.Of(Volume, [Boxes(Coronal), Boxes(new Box2D(1, 1, 5, 5, 6, 1))]);
        Assert.Equal([1, 2, 3, 4, 6], slices.VolumeSlices);
        var moved = slices.Labels[0].Boxes.Single();
        Assert.Equal((SlicePlane.Coronal, 9, -0.5, 3.5), (moved.Plane, moved.Slice, moved.MinY, moved.MaxY));
        var onSlice = LabelledSlices.OnSlice(Boxes(Coronal), 3, Volume).Boxes.Single();
        Assert.Equal([0], BoxVoxels.AxialSlices(onSlice, Grid.Planar(16, 12)));
        Assert.Empty(LabelledSlices.OnSlice(Boxes(Coronal), 6, Volume).Boxes);
    }

    [Fact]
    public void Boxes_overlap_only_on_the_same_plane_and_slice()
    {
        Assert.Equal(1, BoxOverlap.IoU(Coronal, Coronal with { }));
        Assert.Equal(0, BoxOverlap.IoU(Coronal, Coronal with { Plane = SlicePlane.Axial, Slice = 3 }));
        Assert.Equal(0, BoxOverlap.IoU(Coronal, Coronal with { Plane = SlicePlane.Sagittal }));
        Assert.Equal(0, BoxOverlap.IoU(Coronal, Coronal with { Slice = 8 }));
        Assert.Equal(1, BoxAgreement.MeanPairwiseIoU([Boxes(Coronal), Boxes(Coronal with { })], 1));
        Assert.Equal(0, BoxAgreement.MeanPairwiseIoU([Boxes(Coronal), Boxes(Coronal with { Plane = SlicePlane.Sagittal })], 1));
    }

    [Fact]
    public void A_coronal_box_is_scored_against_the_consensus_box_on_its_coronal_slice()
    {
        Assert.Equal(1, BoxAgreement.ConsensusIoU([Coronal], 1, BoxRasterizer.ToMask(Coronal, Volume), Volume), 6);
        var around = BoxOverlap.BoundingBox(BoxRasterizer.ToMask(Coronal, Volume), Volume, SlicePlane.Coronal, 9, 1);
        Assert.Equal(Coronal, around);
    }

    [Fact]
    public void Two_raters_with_the_same_coronal_box_agree_fully_at_the_QA_desk()
    {
        var figures = LabelSetAgreement.Compute(Volume, [("a", Boxes(Coronal)), ("b", Boxes(Coronal with { }))], null);
        Assert.Equal(4, figures.LabelledSlices);
        Assert.All(figures.Raters, r => Assert.Equal(1, r.BoxIoUWithOthers!.Value, 6));
        Assert.All(figures.Raters, r => Assert.Equal(1, r.BoxConsensusIoU!.Value, 6));
    }

    [Fact]
    public void A_coronal_box_is_a_region_of_its_own_voxels()
    {
        var region = ClassRegion.Of(Boxes(Coronal), 1, Volume);
        Assert.Equal(RegionSource.Boxes, region.Source);
        Assert.Equal(BoxRasterizer.ToMask(Coronal, Volume), region.Mask);
    }

    [Fact]
    public void A_class_tagged_absent_on_an_axial_slice_its_coronal_box_crosses_is_a_contradiction()
    {
        var labels = new WeakLabels { Boxes = [Coronal], Tags = [new Tag(1, false, 2)] };
        var finding = Assert.Single(new AbsentTagContradiction().Check(labels, Volume, ConsistencyOptions.Default, _ => "Liver"));
        Assert.Equal([2], finding.Slices);
        Assert.Empty(new AbsentTagContradiction().Check(labels with { Tags = [new Tag(1, false, 6)] }, Volume, ConsistencyOptions.Default, _ => "Liver"));
    }

    [Fact]
    public void Coronal_boxes_with_coronal_slices_skipped_between_them_are_a_gap_named_by_coronal_slice()
    {
        var labels = Boxes(Coronal with { Slice = 3 }, Coronal with { Slice = 6 });
        var finding = Assert.Single(new BoxSequenceGap().Check(labels, Volume, ConsistencyOptions.Default, _ => "Liver"));
        Assert.Equal([1, 2, 3, 4], finding.Slices);
        Assert.Contains("coronal slices j=3 and 6", finding.Message, StringComparison.Ordinal);
        Assert.Contains("coronal slices j=4 and 5", finding.Message, StringComparison.Ordinal);
        // Read as axial boxes on slices 3 and 6 the same numbers would be a gap too; on planes apart they are none.
        Assert.Empty(new BoxSequenceGap().Check(Boxes(Coronal with { Slice = 3 }, Coronal with { Slice = 6, Plane = SlicePlane.Sagittal }), Volume, ConsistencyOptions.Default, _ => "Liver"));
    }

    [Fact]
    public void A_coronal_box_area_is_compared_with_the_neighbouring_coronal_slice_only()
    {
        var small = new Box2D(1.5, 0.5, 5.5, 4.5, 4, 1, SlicePlane.Coronal);     // 16 voxels
        var large = new Box2D(-0.5, -0.5, 15.5, 7.5, 5, 1, SlicePlane.Coronal);  // 128 voxels
        var finding = Assert.Single(new AreaJump().Check(Boxes(small, large), Volume, ConsistencyOptions.Default, _ => "Liver"));
        Assert.Contains("coronal box area jumps", finding.Message, StringComparison.Ordinal);
        Assert.Contains("j=4", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 8), finding.Slices);
        Assert.Empty(new AreaJump().Check(Boxes(small, large with { Plane = SlicePlane.Sagittal }), Volume, ConsistencyOptions.Default, _ => "Liver"));
        Assert.Empty(new AreaJump().Check(Boxes(small, new Box2D(-0.5, -0.5, 15.5, 7.5, 5, 1)), Volume, ConsistencyOptions.Default, _ => "Liver"));
    }

    [Fact]
    public void Box_interpolation_keeps_the_plane_and_refuses_boxes_on_two_planes()
    {
        var (boxes, refused) = BoxInterpolation.Between(Coronal with { Slice = 2 }, Coronal with { Slice = 5 });
        Assert.Null(refused);
        Assert.Equal([3, 4], boxes.Select(b => b.Slice));
        Assert.All(boxes, b => Assert.Equal(SlicePlane.Coronal, b.Plane));
        Assert.Equal(BoxInterpolation.OtherPlane, BoxInterpolation.Between(Coronal with { Slice = 2 }, Coronal with { Slice = 5, Plane = SlicePlane.Axial }).Refused);
    }

    [Fact]
    public void The_exchange_file_carries_the_plane_and_places_a_coronal_corner_at_i_j_k_in_the_world()
    {
        var stored = new BoxDrawn(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Coronal, Provenance.Manual, 10, DateTimeOffset.UnixEpoch).ToStored();
        var label = ExchangeLabels.From(stored, Guid.NewGuid(), (i, j, k) => [i, j, k]);
        Assert.Equal("coronal", label.Plane);
        Assert.Equal([1.5, 9, 0.5], label.World![0]);
        Assert.Equal(Coronal, label.ToBox());
        var axial = ExchangeLabels.From(new BoxDrawn(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Coronal with { Plane = SlicePlane.Axial, Slice = 3 }, Provenance.Manual, 10, DateTimeOffset.UnixEpoch).ToStored(), Guid.NewGuid(), (i, j, k) => [i, j, k]);
        Assert.Null(axial.Plane);
        var imported = (BoxDrawn)ExchangeLabels.ToEvent(label, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(Coronal, imported.Box);
        Assert.Throws<InvalidDataException>(() => (label with { Plane = "oblique" }).ToBox());
        var point = new ExchangeLabel(ExchangeLabel.Point, 1, 3) { Voxel = [[1, 1]], Plane = "coronal" };
        Assert.Throws<InvalidDataException>(() => ExchangeLabels.ToEvent(point, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch));
        Assert.Throws<InvalidDataException>(() => ExchangeLabel.ToWeakLabels([point]));   // the import's check before it stores anything
    }

    [Fact]
    public void A_sagittal_box_command_is_stored_with_its_plane_and_read_back_as_sent()
    {
        var project = new ProjectSummary { Classes = [new LabelClass(1, "Liver", "#ff0000")], AllowedKinds = [AnnotationKind.Box] };
        var geometry = new ItemGeometry(16, 12, 8, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
        var command = new AnnotationCommand(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Box, 1, 15, Box: new BoxShape(0.5, 1, 11, 7), Plane: "sagittal");
        var (shape, reason) = AnnotationCommandValidator.Check(command, geometry, project);
        Assert.Null(reason);
        var made = (BoxDrawn)AnnotationEventFactory.Created(Guid.NewGuid(), command.ItemId, Guid.NewGuid(), command, shape!, DateTimeOffset.UnixEpoch);
        Assert.Equal(new Box2D(0.5, 1, 11, 7, 15, 1, SlicePlane.Sagittal), made.Box);
        Assert.Equal((15, 1), (made.ToStored().Slice, made.ToStored().AxialSlice));   // the QA page opens on axial slice 1
        var view = AnnotationView.From(command.ItemId, made.ToStored());
        Assert.Equal(("sagittal", 15, new BoxShape(0.5, 1, 11, 7)), (view.Plane, view.Slice, view.Box));
        var weak = new AnnotatorItemLabels { Annotations = [made.ToStored()] }.ToWeakLabels();
        Assert.Equal(SlicePlane.Sagittal, weak.Boxes.Single().Plane);
        var axial = AnnotationView.From(command.ItemId, new BoxDrawn(Guid.NewGuid(), command.ItemId, Guid.NewGuid(), Guid.NewGuid(), new Box2D(1, 1, 5, 5, 3, 1), Provenance.Manual, 0, DateTimeOffset.UnixEpoch).ToStored());
        Assert.Null(axial.Plane);
    }
}
