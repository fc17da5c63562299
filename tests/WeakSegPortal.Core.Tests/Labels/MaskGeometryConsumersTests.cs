using System.Text.RegularExpressions;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>
/// Every source file that reads full masks (IMaskShape, SliceMask, BrushStroke, polygons, .Masks, the mask events, Painted,
/// MaskAnswers) is checked with brush strokes, erasers, polygons or masks drawn on coronal and sagittal planes by a named test
/// class, or says why it needs none. A new consumer fails here until somebody decides how it treats <c>IMaskShape.Plane</c>
/// (a full mask is the whole answer for its own plane slice only: MaskAnswers) and says where that is tested.
/// </summary>
public sealed partial class MaskGeometryConsumersTests
{
    private const string Core = "MaskPlaneConsumerTests";
    private const string Training = "MaskPlaneTrainingTests";
    private const string Web = "MaskPlaneWebTests";
    private const string Worker = "MaskPlaneWorkerTests";
    private const string Shape = "a full-mask shape itself: rasterises on its plane's grid (PlaneVoxels), tested through every consumer in MaskPlaneConsumerTests";

    /// <summary>Path under src/ → the test class that gives it reformat full masks, or why it needs none.</summary>
    private static readonly Dictionary<string, string> Consumers = new(StringComparer.Ordinal)
    {
        ["WeakSegPortal.Core/Annotations/AnnotationCommandValidator.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/AnnotationEventFactory.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/AnnotationEvents.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/AnnotationView.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/AnnotatorItemLabelsExtensions.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/StoredAnnotation.cs"] = Core,
        ["WeakSegPortal.Core/Exports/ExchangeLabels.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/ClassRegion.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/LabelSetAgreement.cs"] = Core,
        ["WeakSegPortal.Labels/Consistency/AreaJump.cs"] = Core,
        ["WeakSegPortal.Labels/Consistency/DrawnSlices.cs"] = Core,
        ["WeakSegPortal.Labels/Exchange/ExchangeLabel.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/BrushStroke.cs"] = Shape,
        ["WeakSegPortal.Labels/Labels/IMaskShape.cs"] = Shape,
        ["WeakSegPortal.Labels/Labels/Polygon.cs"] = Shape,
        ["WeakSegPortal.Labels/Labels/SliceMask.cs"] = Shape,
        ["WeakSegPortal.Labels/Labels/ImageBounds.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/LabelledSlices.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/MaskAnswers.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/WeakLabelRasterizer.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/WeakLabels.cs"] = Core,
        ["WeakSegPortal.Training/Learning/WeakTargets.cs"] = Training,
        ["WeakSegPortal.Training/Bench/SupervisionObjective.cs"] = "reads only whether labels hold full masks, on any plane: a kind of supervision, which picks the objective; SupervisionObjectiveTests",
        ["WeakSegPortal.Web/Qa/QaViewerLayers.cs"] = Web,
        ["WeakSegPortal.Worker/ClassNumbering.cs"] = "keeps or drops whole shapes by class (the shape, plane included, is kept as it is)",
        ["WeakSegPortal.Worker/NetworkLabels.cs"] = Worker,
        ["WeakSegPortal.Worker/TrainingSet.cs"] = "trains on the axial slices a mask's paint lies on (MaskAnswers.AxialSlices) and validates only on axial answers (MaskAnswers.OnAxialSlice), both in MaskPlaneConsumerTests; each slice's targets are CrowdLabels' (MaskPlaneTrainingTests)",
    };

    [GeneratedRegex(@"\bIMaskShape\b|\.Masks\b|\bSliceMask\b|\bBrushStroke\b|\bnew Polygon\(|\bPolygon\?|\.MaskShape\b|\bPainted\(|\bMaskAnswers\b|\bPolygonDrawn\b|\bMaskPainted\b|\bBrushStrokePainted\b")]
    private static partial Regex ReadsMasks();

    [Fact]
    public void Every_source_file_that_reads_full_masks_says_how_it_treats_one_on_a_coronal_or_sagittal_plane() =>
        SourceConsumers.AssertListed(Consumers, ReadsMasks(), nameof(MaskGeometryConsumersTests),
            "they read full masks; make them handle IMaskShape.Plane (MaskAnswers, PlaneVoxels) and test that with a coronal stroke");

    [Fact]
    public void Every_test_class_named_for_a_consumer_exists() => SourceConsumers.AssertNamedTestsExist(Consumers);
}
