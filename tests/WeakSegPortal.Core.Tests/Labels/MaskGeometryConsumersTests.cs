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
        ["WeakSegPortal.Web/Qa/QaViewerLayers.cs"] = Web,
        ["WeakSegPortal.Worker/ClassNumbering.cs"] = "keeps or drops whole shapes by class (the shape, plane included, is kept as it is)",
        ["WeakSegPortal.Worker/NetworkLabels.cs"] = Worker,
        ["WeakSegPortal.Worker/TrainingSet.cs"] = "trains on the axial slices a mask's paint lies on (MaskAnswers.AxialSlices) and validates only on axial answers (MaskAnswers.OnAxialSlice), both in MaskPlaneConsumerTests; each slice's targets are CrowdLabels' (MaskPlaneTrainingTests)",
    };

    [GeneratedRegex(@"\bIMaskShape\b|\.Masks\b|\bSliceMask\b|\bBrushStroke\b|\bnew Polygon\(|\bPolygon\?|\.MaskShape\b|\bPainted\(|\bMaskAnswers\b|\bPolygonDrawn\b|\bMaskPainted\b|\bBrushStrokePainted\b")]
    private static partial Regex ReadsMasks();

    [Fact]
    public void Every_source_file_that_reads_full_masks_says_how_it_treats_one_on_a_coronal_or_sagittal_plane()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var readers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => ReadsMasks().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var unknown = readers.Where(f => !Consumers.ContainsKey(f)).ToList();
        Assert.True(unknown.Count == 0,
            $"These files read full masks but are not in {nameof(MaskGeometryConsumersTests)}: make them handle IMaskShape.Plane (MaskAnswers, PlaneVoxels), test that with a coronal stroke, and list them: {string.Join(", ", unknown)}");
        var gone = Consumers.Keys.Where(f => !readers.Contains(f)).ToList();
        Assert.True(gone.Count == 0, $"Listed but no longer reading full masks (remove them): {string.Join(", ", gone)}");
    }

    [Fact]
    public void Every_test_class_named_for_a_consumer_exists()
    {
        var tests = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "tests"), "*.cs", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var named = Consumers.Values.Where(v => !v.Contains(' ', StringComparison.Ordinal)).Distinct();
        Assert.All(named, name => Assert.Contains(name, tests));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WeakSegPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (WeakSegPortal.sln) was not found.");
    }
}
