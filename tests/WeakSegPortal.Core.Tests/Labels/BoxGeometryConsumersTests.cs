using System.Text.RegularExpressions;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>
/// Every source file that reads box geometry (Box2D, .Box, .Boxes) is either checked with boxes drawn on coronal and
/// sagittal planes by a named test class, or reads only boxes that are axial by construction (prompts, which carry their
/// own orientation; simulated labels), with the reason. A new consumer fails here until somebody decides how it treats
/// <c>Box2D.Plane</c> and says where that is tested.
/// </summary>
public sealed partial class BoxGeometryConsumersTests
{
    private const string Core = "BoxPlaneConsumerTests";
    private const string Training = "BoxPlaneTrainingTests";
    private const string Web = "BoxPlaneWebTests";
    private const string Worker = "BoxPlaneWorkerTests";
    private const string Prompt = "axial by construction: a suggestion or propagation prompt, whose box lies in the request's own orientation";
    private const string Simulated = "axial by construction: simulated annotators draw axial boxes";
    private const string Naming = "names the box kind or the boxes consensus basis; reads no geometry";

    /// <summary>Path under src/ → the test class that gives it reformat boxes, or why it needs none.</summary>
    private static readonly Dictionary<string, string> Consumers = new(StringComparer.Ordinal)
    {
        ["WeakSegPortal.Core/Annotations/AnnotationCommandValidator.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/AnnotationEvents.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/AnnotationKinds.cs"] = Naming,
        ["WeakSegPortal.Core/Annotations/AnnotationView.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/AnnotatorItemLabelsExtensions.cs"] = Core,
        ["WeakSegPortal.Core/Annotations/StoredAnnotation.cs"] = Core,
        ["WeakSegPortal.Core/Exports/ExchangeLabels.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/BoxAgreement.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/BoxOverlap.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/BoxVotes.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/ClassRegion.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/ItemAgreementCalculator.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/LabelSetAgreement.cs"] = Core,
        ["WeakSegPortal.Labels/Agreement/ReferenceRegion.cs"] = Naming,
        ["WeakSegPortal.Labels/Consistency/AreaJump.cs"] = Core,
        ["WeakSegPortal.Labels/Consistency/BoxSequenceGap.cs"] = Core,
        ["WeakSegPortal.Labels/Consistency/DrawnSlices.cs"] = Core,
        ["WeakSegPortal.Labels/Exchange/ExchangeLabel.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/Box2D.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/BoxInterpolation.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/BoxRasterizer.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/BoxVoxels.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/ImageBounds.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/LabelledSlices.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/WeakLabelRasterizer.cs"] = Core,
        ["WeakSegPortal.Labels/Labels/WeakLabels.cs"] = Core,
        ["WeakSegPortal.Training/Learning/CrowdLabels.cs"] = Training,
        ["WeakSegPortal.Training/Learning/CrowdSliceExample.cs"] = Training,
        ["WeakSegPortal.Training/Learning/LabelledClassShares.cs"] = Training,
        ["WeakSegPortal.Training/Learning/TagPseudoMaskStage.cs"] = "reads only whether an example has boxes or lines (a reformat box arrives as Lines): either is supervision, so no tag pseudo-mask; TagPseudoMaskStageTests",
        ["WeakSegPortal.Training/Learning/TrainingBatch.cs"] = Training,
        ["WeakSegPortal.Training/Learning/WeakObjective.cs"] = Training,
        ["WeakSegPortal.Training/Learning/WeakTargets.cs"] = Training,
        ["WeakSegPortal.Training/Losses/TrainingBox.cs"] = Training,
        ["WeakSegPortal.Training/Losses/TrainingLine.cs"] = Training,
        ["WeakSegPortal.Worker/ClassNumbering.cs"] = "keeps or drops whole boxes by class (a with-copy keeps the plane)",
        ["WeakSegPortal.Worker/NetworkLabels.cs"] = Worker,
        ["WeakSegPortal.Worker/TrainingSet.cs"] = "trains on the axial slices a box crosses (BoxVoxels.AxialSlices, in BoxPlaneConsumerTests); each slice's targets are CrowdLabels' (BoxPlaneTrainingTests)",
        ["WeakSegPortal.Cli/Commands/BenchCommand.cs"] = "splits simulated volumes (axial boxes) into 2D bench items; a reformat box is left out of that split (IsAxial)",
        ["WeakSegPortal.Web/Qa/QaViewerLayers.cs"] = Web,
        ["WeakSegPortal.Web/Qa/QaFigures.cs"] = Naming,
        ["WeakSegPortal.Web/Components/Pages/Manage/ProjectForm.razor.cs"] = Naming,
        ["WeakSegPortal.Web/Seeding/DemoProject.cs"] = Naming,
        ["WeakSegPortal.Training/Bench/BenchCase.cs"] = Simulated,
        ["WeakSegPortal.Training/Bench/BenchRunner.cs"] = Simulated,
        ["WeakSegPortal.Training/Bench/SupervisionObjective.cs"] = "reads only whether labels hold boxes, on any plane: a kind of supervision, which picks the objective; SupervisionObjectiveTests",
        ["WeakSegPortal.Training/Simulation/SimulatedAnnotator.cs"] = Simulated,
        ["WeakSegPortal.Training/Simulation/SimulatedBoxes.cs"] = Simulated,
        ["WeakSegPortal.Cli/Commands/SuggestCommand.cs"] = Prompt,
        ["WeakSegPortal.Cli/Commands/SuggestPromptParser.cs"] = Prompt,
        ["WeakSegPortal.ML/Classical/GrabCutBoxEngine.cs"] = Prompt,
        ["WeakSegPortal.ML/Classical/PixelRegion.cs"] = Prompt,
        ["WeakSegPortal.ML/Classical/SeededGrabCutEngine.cs"] = Prompt,
        ["WeakSegPortal.ML/Evaluation/NocRun.cs"] = Prompt,
        ["WeakSegPortal.ML/ProjectModels/ProjectModelEngine.cs"] = Prompt,
        ["WeakSegPortal.ML/ProjectModels/PromptSeeds.cs"] = Prompt,
        ["WeakSegPortal.ML/Propagation/SeedBox.cs"] = Prompt,
        ["WeakSegPortal.ML/Sam/SamEngine.cs"] = Prompt,
        ["WeakSegPortal.ML/Sam/SamPromptEncoder.cs"] = Prompt,
        ["WeakSegPortal.ML/Suggestions/SuggestionPrompt.cs"] = Prompt,
        ["WeakSegPortal.Web/Propagation/PropagateRequestReader.cs"] = Prompt,
        ["WeakSegPortal.Web/Propagation/PropagationService.cs"] = Prompt,
        ["WeakSegPortal.Web/Suggestions/EnginePrompt.cs"] = Prompt,
        ["WeakSegPortal.Web/Suggestions/PromptBounds.cs"] = Prompt,
        ["WeakSegPortal.Web/Suggestions/SuggestRequestReader.cs"] = Prompt,
        ["WeakSegPortal.Web/Suggestions/SuggestionEngineChoice.cs"] = Prompt,
        ["WeakSegPortal.Worker/WirePromptReader.cs"] = Prompt,
    };

    [GeneratedRegex(@"\bBox2D\b|\.Boxes\b|\.Box\b")]
    private static partial Regex ReadsBoxes();

    [Fact]
    public void Every_source_file_that_reads_boxes_says_how_it_treats_a_box_on_a_coronal_or_sagittal_plane() =>
        SourceConsumers.AssertListed(Consumers, ReadsBoxes(), nameof(BoxGeometryConsumersTests),
            "they read boxes; make them handle Box2D.Plane (BoxVoxels) and test that with a coronal box");

    [Fact]
    public void Every_test_class_named_for_a_consumer_exists() => SourceConsumers.AssertNamedTestsExist(Consumers);
}
