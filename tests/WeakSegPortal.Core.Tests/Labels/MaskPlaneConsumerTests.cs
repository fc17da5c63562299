using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Consistency;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>
/// Each consumer of full masks (brush strokes, erasers, polygons, accepted masks) in Labels and Core, given one drawn on a
/// coronal or sagittal plane, on hand-computed cases. A consumer that read the shape as axial (slice = k, x = i, y = j) would
/// paint other voxels and fail here. <see cref="MaskGeometryConsumersTests"/> fails when a source file that reads full masks
/// is in no such table.
/// </summary>
public sealed class MaskPlaneConsumerTests
{
    /// <summary>8 × 6 × 5: coronal plane 8 × 5 (slices j 0..5), sagittal plane 6 × 5 (slices i 0..7).</summary>
    private static readonly Grid Volume = new(8, 6, 5);

    /// <summary>Coronal slice j = 2, row k = 1, i = 2..4 (radius ½: the neighbouring rows are 1 away): voxels (2..4, 2, 1).</summary>
    private static readonly BrushStroke CoronalStroke = new([new PlanePoint(2, 1), new PlanePoint(4, 1)], 1, 2, 1, false, SlicePlane.Coronal);

    /// <summary>Axial slice k = 1, centres i 1..5, j 1..3 inside (15 voxels).</summary>
    private static readonly Polygon AxialSquare = new([new PlanePoint(0.5, 0.5), new PlanePoint(5.5, 0.5), new PlanePoint(5.5, 3.5), new PlanePoint(0.5, 3.5)], 1, 1);

    private static WeakLabels Masks(params IMaskShape[] masks) => new() { Masks = masks };

    private static BrushStroke Eraser(int j, double i, double k) => new([new PlanePoint(i, k)], 1, j, 1, true, SlicePlane.Coronal);

    private static byte State(byte[] states, int i, int j, int k) => states[Volume.Index(i, j, k)];

    private const byte Positive = (byte)LabelState.Positive;
    private const byte Negative = (byte)LabelState.Negative;
    private const byte Unknown = (byte)LabelState.Unknown;

    [Fact]
    public void A_coronal_brush_stroke_is_positive_on_its_voxels_negative_on_the_rest_of_its_coronal_slice_and_silent_elsewhere()
    {
        var states = WeakLabelRasterizer.Rasterize(Masks(CoronalStroke), 1, Volume);
        int[] positives = [Volume.Index(2, 2, 1), Volume.Index(3, 2, 1), Volume.Index(4, 2, 1)];
        Assert.Equal(positives, Enumerable.Range(0, states.Length).Where(v => states[v] == Positive));
        Assert.Equal(8 * 5 - 3, states.Count(s => s == Negative));                // the rest of coronal slice j = 2, every k
        Assert.Equal(Negative, State(states, 0, 2, 0));
        Assert.Equal(Negative, State(states, 5, 2, 1));
        Assert.Equal(Negative, State(states, 2, 2, 4));
        Assert.Equal(Unknown, State(states, 2, 1, 1));                            // another row of an axial slice it crosses
        Assert.Equal(Unknown, State(states, 3, 3, 1));
        // Another class: negative where this one painted, nothing more (a stroke of class 1 is no answer about class 2).
        var other = WeakLabelRasterizer.Rasterize(Masks(CoronalStroke), 2, Volume);
        Assert.Equal(positives, Enumerable.Range(0, other.Length).Where(v => other[v] == Negative));
        Assert.DoesNotContain(Positive, other);
    }

    [Fact]
    public void A_sagittal_mask_paints_its_rows_as_k_and_its_columns_as_j()
    {
        // Sagittal slice i = 3, 6 × 5 (x = j, y = k): pixels 7 and 8 are (j 1, k 1) and (j 2, k 1).
        var mask = new SliceMask(6, 5, [7, 2, 21], 3, 1, SlicePlane.Sagittal);
        var states = WeakLabelRasterizer.Rasterize(Masks(mask), 1, Volume);
        Assert.Equal([Volume.Index(3, 1, 1), Volume.Index(3, 2, 1)], Enumerable.Range(0, states.Length).Where(v => states[v] == Positive));
        Assert.Equal(6 * 5 - 2, states.Count(s => s == Negative));
        Assert.Equal(Negative, State(states, 3, 0, 0));
        Assert.Equal(Unknown, State(states, 2, 1, 1));
        Assert.True(ImageBounds.Contains(Volume, mask));
        Assert.False(ImageBounds.Contains(Volume, mask with { Width = 8 }));     // the axial or coronal width is not this plane's
        Assert.False(ImageBounds.Contains(Volume, mask with { Slice = 8 }));     // i = 8 is past the last sagittal slice
    }

    [Fact]
    public void A_sagittal_polygon_fills_the_centres_inside_it_on_its_plane()
    {
        // Sagittal slice i = 6, x = j 1..2, y = k 0..3: 8 voxels.
        var polygon = new Polygon([new PlanePoint(0.5, -0.5), new PlanePoint(2.5, -0.5), new PlanePoint(2.5, 3.5), new PlanePoint(0.5, 3.5)], 6, 1, SlicePlane.Sagittal);
        var painted = WeakLabelRasterizer.Painted([polygon], 1, Volume)!;
        var expected = from k in Enumerable.Range(0, 4) from j in Enumerable.Range(1, 2) select Volume.Index(6, j, k);
        Assert.Equal(expected.Order(), Enumerable.Range(0, painted.Length).Where(v => painted[v]));
    }

    [Fact]
    public void An_eraser_on_a_plane_removes_paint_of_its_class_on_that_plane_slice_only()
    {
        // On its own coronal slice: (3, 2, 1) is erased and, the answer being whole, negative.
        var erased = WeakLabelRasterizer.Rasterize(Masks(CoronalStroke, Eraser(2, 3, 1)), 1, Volume);
        Assert.Equal((Positive, Negative, Positive), (State(erased, 2, 2, 1), State(erased, 3, 2, 1), State(erased, 4, 2, 1)));
        // On coronal slice j = 3 it erases nothing of slice j = 2.
        var elsewhere = WeakLabelRasterizer.Rasterize(Masks(CoronalStroke, Eraser(3, 3, 1)), 1, Volume);
        Assert.Equal(Positive, State(elsewhere, 3, 2, 1));
        // Nor axial paint on the voxel it passes over: a coronal slice with no paint left says nothing.
        var axial = WeakLabelRasterizer.Rasterize(Masks(AxialSquare, Eraser(2, 3, 1)), 1, Volume);
        Assert.Equal(Positive, State(axial, 3, 2, 1));
        Assert.Equal(15, axial.Count(s => s == Positive));
        // All of a coronal slice's paint erased: it says nothing any more.
        var gone = WeakLabelRasterizer.Rasterize(Masks(CoronalStroke, new BrushStroke([new PlanePoint(2, 1), new PlanePoint(4, 1)], 3, 2, 1, true, SlicePlane.Coronal)), 1, Volume);
        Assert.All(gone, s => Assert.Equal(Unknown, s));
    }

    [Fact]
    public void Where_paint_on_an_axial_and_a_coronal_slice_meets_the_later_answer_wins_on_the_shared_row()
    {
        var coronal = new BrushStroke([new PlanePoint(6, 1), new PlanePoint(7, 1)], 1, 2, 1, false, SlicePlane.Coronal);   // (6..7, 2, 1)
        // Axial first, coronal later: row j = 2 of slice 1 is the coronal answer (6, 7 positive; 1..5 negative).
        var coronalLast = WeakLabelRasterizer.Rasterize(Masks(AxialSquare, coronal), 1, Volume);
        Assert.Equal([Negative, Negative, Negative, Negative, Negative, Positive, Positive], Enumerable.Range(1, 7).Select(i => State(coronalLast, i, 2, 1)));
        Assert.Equal(Positive, State(coronalLast, 3, 1, 1));                      // rows 1 and 3 are still the axial answer
        Assert.Equal(Negative, State(coronalLast, 6, 1, 1));
        Assert.Equal(Negative, State(coronalLast, 3, 2, 0));                      // the coronal answer on another axial slice
        // Coronal first, axial later: row j = 2 of slice 1 is the axial answer (1..5 positive; 6, 7 negative).
        var axialLast = WeakLabelRasterizer.Rasterize(Masks(coronal, AxialSquare), 1, Volume);
        Assert.Equal([Positive, Positive, Positive, Positive, Positive, Negative, Negative], Enumerable.Range(1, 7).Select(i => State(axialLast, i, 2, 1)));
        Assert.Equal(Negative, State(axialLast, 6, 2, 0));
        // Painted() reads the same answers.
        var painted = WeakLabelRasterizer.Painted([AxialSquare, coronal], 1, Volume)!;
        Assert.Equal(15 - 5 + 2, painted.Count(p => p));
    }

    [Fact]
    public void Paint_of_another_class_on_a_crossing_plane_is_negative_where_it_lies_and_only_there()
    {
        var classTwo = new BrushStroke([new PlanePoint(3, 1)], 1, 2, 2, false, SlicePlane.Coronal);   // (3, 2, 1), class 2
        var one = WeakLabelRasterizer.Rasterize(Masks(AxialSquare, classTwo), 1, Volume);
        Assert.Equal((Negative, Positive), (State(one, 3, 2, 1), State(one, 2, 2, 1)));
        var two = WeakLabelRasterizer.Rasterize(Masks(AxialSquare, classTwo), 2, Volume);
        Assert.Equal((Positive, Negative, Negative), (State(two, 3, 2, 1), State(two, 2, 2, 1), State(two, 3, 2, 4)));
        Assert.Equal((Negative, Unknown), (State(two, 3, 1, 1), State(two, 3, 4, 1)));   // class 1's axial paint; nobody's
    }

    [Fact]
    public void A_mask_made_before_planes_existed_reads_as_axial()
    {
        var json = """{"shape":"mask","Width":8,"Height":6,"Counts":[9,2,37],"Slice":4,"ClassId":1}""";
        var mask = System.Text.Json.JsonSerializer.Deserialize<IMaskShape>(json)!;
        Assert.Equal(SlicePlane.Axial, mask.Plane);
        var painted = WeakLabelRasterizer.Painted([mask], 1, Volume)!;
        Assert.Equal([Volume.Index(1, 1, 4), Volume.Index(2, 1, 4)], Enumerable.Range(0, painted.Length).Where(v => painted[v]));
    }

    [Fact]
    public void Agreement_scores_reformat_masks_on_the_axial_slices_their_paint_lies_on()
    {
        var sagittal = new BrushStroke([new PlanePoint(1, 3), new PlanePoint(4, 3)], 1, 5, 1, false, SlicePlane.Sagittal);   // (5, 1..4, 3)
        var slices = LabelledSlices.Of(Volume, [Masks(CoronalStroke), Masks(sagittal)]);
        Assert.Equal([1, 3], slices.VolumeSlices);
        // On the compact grid (k 1 → 0, k 3 → 1) each keeps its voxels and its whole answer on the kept rows.
        var moved = WeakLabelRasterizer.Rasterize(slices.Labels[0], 1, slices.Grid);
        Assert.Equal([slices.Grid.Index(2, 2, 0), slices.Grid.Index(3, 2, 0), slices.Grid.Index(4, 2, 0)], Enumerable.Range(0, moved.Length).Where(v => moved[v] == Positive));
        Assert.Equal(Negative, moved[slices.Grid.Index(3, 2, 1)]);
        var region = ClassRegion.Of(slices.Labels[1], 1, slices.Grid);
        Assert.Equal(RegionSource.Paint, region.Source);
        Assert.Equal(4, region.Mask.Count(m => m));
        // Two raters with the same coronal stroke agree fully.
        var figures = LabelSetAgreement.Compute(Volume, [("a", Masks(CoronalStroke)), ("b", Masks(CoronalStroke with { }))], null);
        Assert.Equal(1, figures.LabelledSlices);
        Assert.All(figures.Raters, r => Assert.Equal(1, r.DiceWithConsensus!.Value, 6));
    }

    [Fact]
    public void One_axial_slice_holds_a_coronal_answer_as_its_row()
    {
        var onSlice = LabelledSlices.OnSlice(Masks(CoronalStroke), 1, Volume);
        var planar = Grid.Planar(8, 6);
        var states = WeakLabelRasterizer.Rasterize(onSlice, 1, planar);
        Assert.Equal([Negative, Negative, Positive, Positive, Positive, Negative, Negative, Negative], Enumerable.Range(0, 8).Select(i => states[planar.Index(i, 2, 0)]));
        Assert.Equal(8 * 6 - 8, states.Count(s => s == Unknown));
        var consensus = SliceConsensus.Compute(Volume, 1, [Masks(CoronalStroke), Masks(CoronalStroke)], [1]);
        Assert.Equal([planar.Index(2, 2, 0), planar.Index(3, 2, 0), planar.Index(4, 2, 0)], Enumerable.Range(0, planar.Count).Where(v => consensus.ClassConsensus[1][v]));
    }

    [Fact]
    public void Training_targets_of_an_axial_slice_take_a_coronal_answer_on_its_row_only()
    {
        var answers = MaskAnswers.Of([CoronalStroke], Volume);
        var onOne = MaskAnswers.OnAxialSlice(answers, Volume, 1);
        Assert.Equal([0, 0, 1, 1, 1, 0, 0, 0], onOne.Skip(2 * 8).Take(8));
        Assert.Equal(8 * 6 - 8, onOne.Count(c => c == -1));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0], MaskAnswers.OnAxialSlice(answers, Volume, 4).Skip(2 * 8).Take(8));
        Assert.Equal([1], MaskAnswers.AxialSlices(CoronalStroke, Volume));
        Assert.Equal([4], MaskAnswers.AxialSlices(AxialSquare with { Slice = 4 }, Volume));
    }

    [Fact]
    public void A_class_tagged_absent_on_an_axial_slice_its_coronal_paint_lies_on_is_a_contradiction()
    {
        var labels = new WeakLabels { Masks = [CoronalStroke], Tags = [new Tag(1, false, 1)] };
        Assert.Equal([1], Assert.Single(new AbsentTagContradiction().Check(labels, Volume, ConsistencyOptions.Default, _ => "Liver")).Slices);
        Assert.Empty(new AbsentTagContradiction().Check(labels with { Tags = [new Tag(1, false, 3)] }, Volume, ConsistencyOptions.Default, _ => "Liver"));
    }

    [Fact]
    public void A_coronal_mask_area_is_compared_with_the_neighbouring_coronal_slice_only()
    {
        var whole = new SliceMask(8, 5, [0, 40], 3, 1, SlicePlane.Coronal);                 // 40 voxels, every k
        var small = new SliceMask(8, 5, [8, 16, 16], 4, 1, SlicePlane.Coronal);             // 16 voxels, k 1..2
        var finding = Assert.Single(new AreaJump().Check(Masks(whole, small), Volume, ConsistencyOptions.Default, _ => "Liver"));
        Assert.Contains("coronal mask area jumps from 40 mm² on coronal slice j=3 to 16 mm² on j=4", finding.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2, 3, 4], finding.Slices);
        Assert.Empty(new AreaJump().Check(Masks(whole, small with { Plane = SlicePlane.Sagittal, Width = 6, Counts = [6, 16, 8] }), Volume, ConsistencyOptions.Default, _ => "Liver"));
    }

    [Fact]
    public void A_coronal_brush_command_is_stored_with_its_plane_and_read_back_as_sent()
    {
        var project = new ProjectSummary { Classes = [new LabelClass(1, "Liver", "#ff0000")], AllowedKinds = [AnnotationKind.Brush, AnnotationKind.Mask] };
        var geometry = new ItemGeometry(8, 6, 5, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
        var command = new AnnotationCommand(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Brush, 1, 2, Brush: new BrushShape([[2, 1], [4, 1]], 1, false), Plane: "coronal");
        var (shape, reason) = AnnotationCommandValidator.Check(command, geometry, project);
        Assert.Null(reason);
        var made = (BrushStrokePainted)AnnotationEventFactory.Created(Guid.NewGuid(), command.ItemId, Guid.NewGuid(), command, shape!, DateTimeOffset.UnixEpoch);
        Assert.Equal(SlicePlane.Coronal, made.Stroke.Plane);
        Assert.Equal((2, 1), (made.ToStored().Slice, made.ToStored().AxialSlice));       // the QA page opens on axial slice 1
        var view = AnnotationView.From(command.ItemId, made.ToStored());
        Assert.Equal(("coronal", 2), (view.Plane, view.Slice));
        var weak = new AnnotatorItemLabels { Annotations = [made.ToStored()] }.ToWeakLabels();
        Assert.Equal(CoronalStroke with { Points = weak.Masks.Single() is BrushStroke b ? b.Points : [] }, weak.Masks.Single());
        // A mask as large as the sagittal plane is accepted there, and refused on the axial plane.
        var mask = new AnnotationCommand(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Mask, 1, 3, Mask: new MaskShape(6, 5, [7, 2, 21]), Plane: "sagittal");
        var (accepted, none) = AnnotationCommandValidator.Check(mask, geometry, project);
        Assert.Null(none);
        Assert.Equal(SlicePlane.Sagittal, accepted!.Mask!.Plane);
        Assert.Equal("The mask is 6 × 5; it must be as large as the image (8 × 6).", AnnotationCommandValidator.Check(mask with { Plane = null }, geometry, project).Reason);
        var axialView = AnnotationView.From(mask.ItemId, new MaskPainted(Guid.NewGuid(), mask.ItemId, Guid.NewGuid(), Guid.NewGuid(), new SliceMask(8, 6, [9, 2, 37], 4, 1), Provenance.Manual, 0, DateTimeOffset.UnixEpoch).ToStored());
        Assert.Null(axialView.Plane);
    }

    [Fact]
    public void The_exchange_file_carries_a_mask_s_plane_and_places_a_coronal_polygon_at_i_j_k_in_the_world()
    {
        var polygon = new Polygon([new PlanePoint(1, 0), new PlanePoint(5, 0), new PlanePoint(3, 3)], 2, 1, SlicePlane.Coronal);
        var stored = new PolygonDrawn(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), polygon, Provenance.Manual, 10, DateTimeOffset.UnixEpoch).ToStored();
        var label = ExchangeLabels.From(stored, Guid.NewGuid(), (i, j, k) => [i, j, k]);
        Assert.Equal("coronal", label.Plane);
        Assert.Equal([5, 2, 0], label.World![1]);
        var imported = (PolygonDrawn)ExchangeLabels.ToEvent(label, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(SlicePlane.Coronal, imported.Polygon.Plane);
        Assert.Equal(polygon.Points, imported.Polygon.Points);
        var mask = new SliceMask(6, 5, [7, 2, 21], 3, 1, SlicePlane.Sagittal);
        var maskLabel = ExchangeLabels.From(new MaskPainted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), mask, Provenance.Manual, 0, DateTimeOffset.UnixEpoch).ToStored(), Guid.NewGuid(), (i, j, k) => [i, j, k]);
        Assert.Equal(("sagittal", 6, 5), (maskLabel.Plane, maskLabel.MaskCode!.Width, maskLabel.MaskCode.Height));
        var weak = ExchangeLabel.ToWeakLabels([label, maskLabel with { Kind = ExchangeLabel.Mask }]);
        Assert.Equal([SlicePlane.Coronal, SlicePlane.Sagittal], weak.Masks.Select(m => m.Plane));
        var eraser = new ExchangeLabel(ExchangeLabel.Brush, 1, 2) { Voxel = [[3, 1]], Width = 1, Erase = true, Plane = "coronal" };
        var read = eraser.ToBrush()!;
        Assert.Equal(Eraser(2, 3, 1) with { Points = read.Points }, read);
        Assert.Equal([new PlanePoint(3, 1)], read.Points);
        var scribble = new ExchangeLabel(ExchangeLabel.Scribble, 1, 2) { Voxel = [[3, 1], [4, 1]], Width = 1, Plane = "coronal" };
        Assert.Throws<InvalidDataException>(() => ExchangeLabel.ToWeakLabels([scribble]));   // scribbles stay axial
    }
}
