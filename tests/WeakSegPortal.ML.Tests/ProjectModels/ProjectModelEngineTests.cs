using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.ProjectModels;

/// <summary>
/// The project-model engine through ONNX Runtime on the CPU, on a test model of the export's signature that calls bright
/// pixels class 1: what a box, clicks and scribbles keep, the score, and the files it refuses.
/// </summary>
[CoversEngine(EngineKinds.ProjectModel)]
public sealed class ProjectModelEngineTests : IDisposable
{
    private const int Width = 96;
    private const int Height = 64;
    private static readonly OnnxSessionFactory CpuOnly = new() { PreferCuda = false };
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_box_keeps_the_class_inside_it_only_and_the_score_is_the_class_s_mean_probability_there()
    {
        using var engine = Load();
        var (image, input) = TwoDisks();

        var suggestion = engine.Suggest(new SuggestionPrompt(image, 1) { Box = new Box2D(10, 10, 40, 40, 0) }, input, CancellationToken.None);

        Assert.Equal((Width, Height), (suggestion.Width, suggestion.Height));
        Assert.True(Overlap(suggestion.Mask, Disk(25, 25, 10)) > 0.9);
        Assert.DoesNotContain(true, Outside(suggestion.Mask, 10, 10, 40, 40));
        Assert.InRange(suggestion.Score, 0.9, 1.0);
        Assert.Equal(("project-model", "4", "CPU"), (suggestion.Engine.Name, suggestion.Engine.Version, suggestion.ExecutionProvider));
    }

    [Fact]
    public void A_positive_click_keeps_the_part_it_lies_in_and_not_the_other()
    {
        using var engine = Load();
        var (image, input) = TwoDisks();

        var suggestion = engine.Suggest(new SuggestionPrompt(image, 1) { Points = [new LabelPoint(70, 35, 0, 1)] }, input, CancellationToken.None);

        Assert.True(Overlap(suggestion.Mask, Disk(70, 35, 12)) > 0.9);
        Assert.DoesNotContain(true, Outside(suggestion.Mask, 55, 20, 85, 50));
    }

    [Fact]
    public void Clicks_in_both_parts_keep_both_and_a_negative_click_drops_the_part_it_lies_in()
    {
        using var engine = Load();
        var (image, input) = TwoDisks();
        var both = new SuggestionPrompt(image, 1) { Points = [new LabelPoint(25, 25, 0, 1), new LabelPoint(70, 35, 0, 1)] };

        var kept = engine.Suggest(both, input, CancellationToken.None);
        var dropped = engine.Suggest(both with { Points = [.. both.Points, new LabelPoint(72, 38, 0, 1, IsPositive: false)] }, input, CancellationToken.None);

        Assert.True(Overlap(kept.Mask, Or(Disk(25, 25, 10), Disk(70, 35, 12))) > 0.9);
        Assert.True(Overlap(dropped.Mask, Disk(25, 25, 10)) > 0.9);
    }

    [Fact]
    public void A_scribble_of_the_class_counts_as_a_positive_click_and_one_of_another_class_as_a_negative()
    {
        using var engine = Load();
        var (image, input) = TwoDisks();
        var prompt = new SuggestionPrompt(image, 1)
        {
            Scribbles =
            [
                new Scribble([new PlanePoint(20, 25), new PlanePoint(30, 25)], 2, 0, 1),
                new Scribble([new PlanePoint(65, 35), new PlanePoint(75, 35)], 2, 0, 0),
            ],
            Points = [new LabelPoint(70, 35, 0, 1)],
        };

        var suggestion = engine.Suggest(prompt, input, CancellationToken.None);

        Assert.True(Overlap(suggestion.Mask, Disk(25, 25, 10)) > 0.9);
    }

    [Fact]
    public void A_class_the_model_does_not_predict_and_a_prompt_without_box_or_positive_seed_are_refused_with_the_reason()
    {
        using var engine = Load();
        var (image, input) = TwoDisks();

        var unknown = Assert.Throws<PromptNotSupportedException>(() => engine.Suggest(new SuggestionPrompt(image, 3) { Box = new Box2D(10, 10, 40, 40, 0) }, input, CancellationToken.None));
        var negativeOnly = Assert.Throws<PromptNotSupportedException>(() =>
            engine.Suggest(new SuggestionPrompt(image, 1) { Points = [new LabelPoint(25, 25, 0, 1, IsPositive: false)] }, input, CancellationToken.None));

        Assert.Equal("The project model predicts classes 1 to 2; class 3 is not one of them.", unknown.Message);
        Assert.Equal("The project model needs a box, a positive click or a scribble of the object's class.", negativeOnly.Message);
    }

    [Fact]
    public void A_file_with_other_names_or_another_number_of_classes_or_channels_is_refused_naming_each_mismatch()
    {
        var renamed = _temp.File("renamed.onnx");
        var twoClasses = _temp.File("two-classes.onnx");
        var twoD = _temp.File("2d.onnx");
        var garbage = _temp.File("garbage.onnx");
        ProjectTestModels.Write(renamed, inputName: "input", outputName: "logits_out");
        ProjectTestModels.Write(twoClasses, classes: 2);
        ProjectTestModels.Write(twoD, neighbourSlices: 0);
        File.WriteAllBytes(garbage, [1, 2, 3, 4]);

        var names = Assert.Throws<ModelRefusedException>(() => ProjectModelEngine.Load(renamed, Model, CpuOnly));
        var classes = Assert.Throws<ModelRefusedException>(() => ProjectModelEngine.Load(twoClasses, Model, CpuOnly));
        var channels = Assert.Throws<ModelRefusedException>(() => ProjectModelEngine.Load(twoD, Model, CpuOnly));
        var unreadable = Assert.Throws<ModelRefusedException>(() => ProjectModelEngine.Load(garbage, Model, CpuOnly));

        Assert.Equal("The file of project model version 4 is not a U-Net export for 3 classes and 3 input channel(s): "
            + "input 'image' is missing (inputs: input); output 'probabilities' is missing (outputs: logits_out).", names.Message);
        Assert.EndsWith("output 'probabilities' has shape [?,2,?,?], expected [?,3,?,?].", classes.Message, StringComparison.Ordinal);
        Assert.EndsWith("input 'image' has shape [?,1,?,?], expected [?,3,?,?].", channels.Message, StringComparison.Ordinal);
        Assert.StartsWith("The project model version 4 (garbage.onnx) is not a loadable ONNX model", unreadable.Message, StringComparison.Ordinal);
    }

    private static ModelRef Model { get; } = new(Guid.NewGuid(), 4, new string('a', 64), Classes: 3, NeighbourSlices: 1, ImageSide: 32);

    private ProjectModelEngine Load()
    {
        var path = _temp.File("model.onnx");
        ProjectTestModels.Write(path);
        return ProjectModelEngine.Load(path, Model, CpuOnly);
    }

    /// <summary>A CT-like slice (40 HU, bright disks of 200 HU) as one-slice volume and the model's input made from it.</summary>
    private static (PromptImage Image, float[] Input) TwoDisks()
    {
        var truth = Or(Disk(25, 25, 10), Disk(70, 35, 12));
        var values = Array.ConvertAll(truth, t => t ? 200f : 40f);
        var volume = Volume.FromFloat32(new VolumeGeometry(Width, Height, 1, new Vec3(0.8, 0.8, 2), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" }, values);
        var image = PromptImage.FromVolume("item", volume, SliceOrientation.Axial, 0);
        return (image, new NetworkInput(volume, "CT", Model.ImageSide).Channels(0, Model.NeighbourSlices));
    }

    private static bool[] Disk(double cx, double cy, double r) =>
        [.. Enumerable.Range(0, Width * Height).Select(n => Math.Pow((n % Width) - cx, 2) + Math.Pow((n / Width) - cy, 2) <= r * r)];

    private static bool[] Or(bool[] a, bool[] b) => [.. a.Zip(b, (x, y) => x || y)];

    private static IEnumerable<bool> Outside(bool[] mask, int x0, int y0, int x1, int y1) =>
        mask.Where((_, n) => n % Width < x0 || n % Width > x1 || n / Width < y0 || n / Width > y1);

    private static double Overlap(bool[] a, bool[] b) => WeakSegPortal.Core.Agreement.Overlap.Dice(a, b);
}
