using WeakSegPortal.Core.Agreement;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Worker.Tests.Support;

namespace WeakSegPortal.Worker.Tests;

/// <summary>
/// A promoted project model answering Suggest jobs through the real worker: the announcement offers "project-model", the
/// ONNX file comes from the stand-in portal's blob route by hash (once), and wrong or missing files are refused with the reason.
/// The test model calls pixels above 120 HU class 1 (the demo CT's kidneys at 150 HU, the spine at 700 HU).
/// </summary>
public sealed class WorkerProjectModelTests : IAsyncLifetime
{
    private const string Token = "machine-token-0123456789abcdef";
    private readonly string _models = Directory.CreateTempSubdirectory("weakseg-worker-models-").FullName;
    private StandInPortal _portal = null!;
    private WorkerUnderTest _worker = null!;
    private string _volume = "";

    public async Task InitializeAsync()
    {
        _portal = await StandInPortal.StartAsync(Token);
        _volume = await _portal.ServeAsync(DemoCt.Volume.Image);
        _worker = WorkerUnderTest.Create(_portal.Url, Token, new Dictionary<string, string?> { ["ProjectModels:Directory"] = _models });
        await _worker.StartAsync();
        await _portal.Announcements.WaitForAsync(1);
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _portal.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }

    [Fact]
    public void The_worker_announces_the_project_model_engine()
    {
        var offer = Assert.Single(_portal.Announcements.Latest.Announcement.Engines, e => e.Name == "project-model");

        Assert.Equal(("Box, Points, Scribbles", false), (offer.Accepts, offer.NeedsEmbedding));
    }

    [Fact]
    public async Task A_promoted_model_answers_a_box_with_its_class_inside_it_fetching_its_file_once()
    {
        var model = Model(_portal.PutBlob(ModelBytes()));
        var truth = DemoCt.Truth(2);
        var (x0, y0, x1, y1) = DemoCt.TightBox(truth);

        var first = await _portal.SuggestAsync(Job(model, new WireBox(x0, y0, x1, y1), []));
        var second = await _portal.SuggestAsync(Job(model, null, [new WirePoint((x0 + x1) / 2, (y0 + y1) / 2, true)]));

        Assert.True(first.Ok, first.Error);
        Assert.Equal(("project-model", "2", "CPU"), (first.Engine, first.EngineVersion, first.Provider));
        Assert.Equal((192, 192), (first.Mask!.Width, first.Mask.Height));
        Assert.True(Overlap.Dice(first.Mask.ToMask(), truth) >= 0.85, $"Dice {Overlap.Dice(first.Mask.ToMask(), truth):F3}");
        Assert.InRange(first.Score, 0.5, 1.0);
        Assert.True(second.Ok, second.Error);
        Assert.True(Overlap.Dice(second.Mask!.ToMask(), truth) >= 0.85, $"click Dice {Overlap.Dice(second.Mask.ToMask(), truth):F3}");
        Assert.Equal(1, _portal.BlobRequests);
        Assert.Single(Directory.GetFiles(_models, "*.onnx"));
    }

    [Fact]
    public async Task A_model_file_the_portal_lacks_a_file_of_another_shape_and_a_job_without_a_model_are_refused_with_the_reason()
    {
        var missing = new string('b', 64);
        var wrongPath = Path.Combine(_models, "wrong.onnx");
        ProjectTestModels.Write(wrongPath, classes: 2);
        var wrong = _portal.PutBlob(await File.ReadAllBytesAsync(wrongPath));
        File.Delete(wrongPath);
        var box = new WireBox(10, 10, 60, 60);

        var absent = await _portal.SuggestAsync(Job(Model(missing), box, []));
        var refused = await _portal.SuggestAsync(Job(Model(wrong), box, []));
        var none = await _portal.SuggestAsync(Job(Model(wrong), box, []) with { Model = null });

        Assert.Equal($"The portal has no model file {missing}.", absent.Error);
        Assert.Equal("The file of project model version 2 is not a U-Net export for 3 classes and 3 input channel(s): "
            + "output 'probabilities' has shape [?,2,?,?], expected [?,3,?,?].", refused.Error);
        Assert.Equal("This suggestion job names no project model (SuggestionJob.Model is empty).", none.Error);
        Assert.All([absent, refused, none], r => Assert.False(r.Ok));
    }

    [Fact]
    public async Task A_model_the_worker_trained_and_exported_answers_a_suggestion_as_the_project_model()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 2, validationItems: 1);
        var config = TrainingPhantoms.Config(epochs: 1) with { StepsPerEpoch = 4 };
        _portal.Training.Offer(dataset, config);
        await Eventually.HoldsAsync(() => _portal.Training.Completions.Count + _portal.Training.Failures.Count > 0, "the training job ended", TimeSpan.FromMinutes(3));
        Assert.Empty(_portal.Training.Failures);
        var outcome = Assert.Single(_portal.Training.Completions);
        var model = new ModelRef(Guid.NewGuid(), 1, outcome.OnnxHash, TrainingPhantoms.Classes.Count + 1, config.NeighbourSlices, config.ImageSide);
        var side = TrainingPhantoms.Side;
        var item = dataset.Items[0];

        var result = await _portal.SuggestAsync(new SuggestionJob(Guid.NewGuid(), "project-model", item.ItemId, item.VolumeHash, "MR",
            new WirePrompt(Guid.NewGuid(), "axial", 2, 1, new WireBox(-0.5, -0.5, side - 0.5, side - 0.5), [], [])) { Model = model });

        Assert.True(result.Ok, result.Error);
        Assert.Equal(("project-model", "1", "CPU"), (result.Engine, result.EngineVersion, result.Provider));
        Assert.Equal((side, side), (result.Mask!.Width, result.Mask.Height));
        Assert.InRange(result.Score, 0, 1);
    }

    private static ModelRef Model(string hash) => new(Guid.NewGuid(), 2, hash, Classes: 3, NeighbourSlices: 1, ImageSide: 64);

    private byte[] ModelBytes()
    {
        var path = Path.Combine(_models, "served.onnx");
        ProjectTestModels.Write(path);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    private SuggestionJob Job(ModelRef model, WireBox? box, IReadOnlyList<WirePoint> points) =>
        new(Guid.NewGuid(), "project-model", Guid.NewGuid(), _volume, "CT", new WirePrompt(Guid.NewGuid(), "axial", DemoCt.Slice, 1, box, points, []))
        {
            Model = model,
        };
}
