using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;
using WeakSegPortal.Web.Tests.Suggestions;
using WeakSegPortal.Web.Training;

namespace WeakSegPortal.Web.Tests.Training;

/// <summary>
/// What a training job reads and writes besides the hub: the dataset (roles, adjudicated labels, submitted labels with
/// reliabilities, gold masks as reference; token only; 409 for a stale attempt), the blob endpoints, the manager's starting
/// checkpoint (refused with the reason, nothing stored), auto-training after K items, and the "project-model" engine's routing.
/// </summary>
[Collection(TrainingPortalGroup.Name)]
public sealed class TrainingDataTests(TrainingPortal factory)
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private readonly TrainingWorld _world = new(factory);

    [Fact]
    public void Mask_shapes_keep_their_kind_through_json()
    {
        var labels = new WeakLabels
        {
            Masks =
            [
                new Polygon([new PlanePoint(1, 2), new PlanePoint(9, 2), new PlanePoint(5, 8)], 3, 1),
                new BrushStroke([new PlanePoint(4, 4), new PlanePoint(6, 6)], 2.5, 3, 1, Erase: true),
                new SliceMask(4, 2, [1, 3, 4], 3, 2),
            ],
        };

        var back = JsonSerializer.Deserialize<WeakLabels>(JsonSerializer.Serialize(labels, WebJson), WebJson)!;

        Assert.Collection(back.Masks,
            m => Assert.Equal(((Polygon)labels.Masks[0]).Points, Assert.IsType<Polygon>(m).Points),
            m => Assert.Equal((2.5, true, 3, 1), (Assert.IsType<BrushStroke>(m).Width, m.Erases, m.Slice, m.ClassId)),
            m => Assert.Equal([1, 3, 4], Assert.IsType<SliceMask>(m).Counts));
    }

    [Fact]
    public async Task The_dataset_holds_every_item_with_its_role_adjudicated_labels_submitted_labels_with_reliability_and_gold_masks_held_out()
    {
        await _world.NoOpenJobsAsync();
        var qa = await new QaWorld(factory, "ds").CreateAsync($"Dataset {Guid.NewGuid():N}");
        var crowdItem = qa.Item;
        await using (var hub = await qa.ConnectAsync(0))
        {
            await QaWorld.BoxAsync(hub, crowdItem, 2, 2, 20, 20);
        }
        await using (var hub = await qa.ConnectAsync(1))
        {
            await QaWorld.BoxAsync(hub, crowdItem, 3, 3, 21, 21);
        }
        await qa.SubmitItemAsync(qa.Annotators[0]);
        // Annotator 2 labelled but never submitted: their labels do not count yet. The QA desk has seen everything before
        // the test sets annotator 1's figures (so the agreement subscription does not write over them).
        await qa.SummaryWhenAsync(s => s.SubmittedCount == 1 && s.AnnotatorCount == 2);
        var card = await Eventually.GetAsync(() => qa.LoadAsync<AnnotatorScorecard>(ScorecardIds.For(qa.Project, qa.Annotators[0])), _ => true);
        var gold = await TestData.ItemAsync(factory.Services, qa.Project, "gold", gold: true);
        var adjudicated = await TestData.ItemAsync(factory.Services, qa.Project, "adjudicated");
        var unlabelled = await TestData.ItemAsync(factory.Services, qa.Project, "unlabelled");
        var polygon = new Polygon([new PlanePoint(5, 5), new PlanePoint(30, 5), new PlanePoint(18, 25)], 4, 1);
        await AdjudicateAsync(gold, qa.Annotators[0], Stored("polygon", polygon: polygon));
        await AdjudicateAsync(adjudicated, qa.Annotators[1], Stored("box", box: new Box2D(4, 4, 12, 12, 2, 2)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The QA desk's figures for annotator 1: gold sensitivity 0.9 × specificity 0.8.
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            card.GoldSensitivity = 0.9;
            card.GoldSpecificity = 0.8;
            session.Store(card);
            await session.SaveChangesAsync();
        }
        var job = await _world.RequestedAsync(qa.Project);
        await using var worker = await TrainingWorker.ConnectAsync(factory, "dataset");
        var held = (await worker.ClaimAsync())!;
        using var client = TrainingWorker.TokenClient(factory);

        var dataset = (await client.GetFromJsonAsync<TrainingDataset>(new Uri($"/api/worker/training/{job}/dataset?attempt={held.Attempt}", UriKind.Relative), WebJson))!;
        using var stale = await client.GetAsync(new Uri($"/api/worker/training/{job}/dataset?attempt={held.Attempt + 1}", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri($"/api/worker/training/{Guid.NewGuid()}/dataset?attempt=1", UriKind.Relative));
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var noToken = await anonymous.GetAsync(new Uri($"/api/worker/training/{job}/dataset?attempt={held.Attempt}", UriKind.Relative));
        await factory.EnsureUserAsync("ds-manager", QaWorld.Password, Roles.ProjectManager);
        using var cookieRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/worker/training/{job}/dataset?attempt={held.Attempt}");
        cookieRequest.Headers.Add("Cookie", await HubClients.CookieAsync(factory, "ds-manager", QaWorld.Password));
        using var withCookie = await anonymous.SendAsync(cookieRequest);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
            (stale.StatusCode, unknown.StatusCode, noToken.StatusCode, withCookie.StatusCode));
        Assert.Equal((job, qa.Project), (dataset.JobId, dataset.ProjectId));
        Assert.Equal(["Liver", "Lesion"], dataset.Classes.Select(c => c.Name));
        var byId = dataset.Items.ToDictionary(i => i.ItemId);
        Assert.Equal(4, byId.Count);
        var crowd = byId[crowdItem];
        Assert.Equal(TrainingItem.Train, crowd.Role);
        Assert.Null(crowd.Adjudicated);
        var only = Assert.Single(crowd.Annotators);
        Assert.Equal(qa.Annotators[0], only.AnnotatorId);
        Assert.Equal(0.72, only.Reliability, 6);
        Assert.Equal(new Box2D(2, 2, 20, 20, 3, 1), Assert.Single(only.Labels.Boxes));
        var goldItem = byId[gold];
        Assert.Equal((TrainingItem.Validation, 0), (goldItem.Role, goldItem.Annotators.Count));
        Assert.Null(goldItem.Adjudicated);
        Assert.Equal(polygon.Points, Assert.IsType<Polygon>(Assert.Single(goldItem.Reference!.Masks)).Points);
        Assert.Equal(TrainingItem.Train, byId[adjudicated].Role);
        Assert.Single(byId[adjudicated].Adjudicated!.Boxes);
        Assert.Equal(TrainingItem.Unlabelled, byId[unlabelled].Role);
        Assert.All(dataset.Items, i => Assert.False(string.IsNullOrEmpty(i.VolumeHash)));
        await _world.CancelAsync(job);
    }

    [Fact]
    public async Task Blobs_go_in_and_out_by_hash_with_the_worker_token_only_and_an_oversized_one_is_refused()
    {
        var bytes = Enumerable.Range(0, 5000).Select(n => (byte)(n * 31)).ToArray();
        using var client = TrainingWorker.TokenClient(factory);

        var hash = await TrainingWorker.PutBlobAsync(factory, bytes);
        var back = await client.GetByteArrayAsync(new Uri($"/api/worker/blobs/{hash}", UriKind.Relative));
        using var tooLarge = await client.PostAsync(new Uri("/api/worker/blobs", UriKind.Relative), new ByteArrayContent(new byte[TrainingPortal.MaxBlobBytes + 1]));
        using var unknown = await client.GetAsync(new Uri($"/api/worker/blobs/{new string('0', 64)}", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/api/worker/blobs/not-a-hash", UriKind.Relative));
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var noTokenGet = await anonymous.GetAsync(new Uri($"/api/worker/blobs/{hash}", UriKind.Relative));
        using var noTokenPost = await anonymous.PostAsync(new Uri("/api/worker/blobs", UriKind.Relative), new ByteArrayContent(bytes));

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), hash);
        Assert.Equal(bytes, back);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
            (tooLarge.StatusCode, unknown.StatusCode, malformed.StatusCode, noTokenGet.StatusCode, noTokenPost.StatusCode));
        Assert.False(await Blobs.ExistsAsync(BlobKey.Of(new byte[TrainingPortal.MaxBlobBytes + 1]), CancellationToken.None));
    }

    [Fact]
    public async Task An_incompatible_starting_checkpoint_is_refused_with_the_reason_and_nothing_is_stored_and_a_fitting_one_reaches_the_worker()
    {
        await _world.NoOpenJobsAsync();
        var project = await _world.ProjectAsync("checkpoint");
        var notACheckpoint = "just some bytes, no header"u8.ToArray();
        var wrongClasses = Checkpoint(new UNetOptions(5, 3, 4, 1, 4));
        var fitting = Checkpoint(UNetOptions.For(TrainingWorld.SmallConfig, 2));

        var garbage = await StartAsync(project, notACheckpoint);
        var mismatch = await StartAsync(project, wrongClasses);

        Assert.StartsWith("This is not a WeakSegPortal U-Net checkpoint", garbage.Errors[TrainingStarter.CheckpointField], StringComparison.Ordinal);
        Assert.Equal("The checkpoint predicts 5 classes (background included); this project needs 3.", mismatch.Errors[TrainingStarter.CheckpointField]);
        Assert.False(await Blobs.ExistsAsync(BlobKey.Of(notACheckpoint), CancellationToken.None));
        Assert.False(await Blobs.ExistsAsync(BlobKey.Of(wrongClasses), CancellationToken.None));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<TrainingJob>().AnyAsync(j => j.ProjectId == project));
        }

        var started = await StartAsync(project, fitting);
        await using var worker = await TrainingWorker.ConnectAsync(factory, "checkpoint");
        var held = (await worker.ClaimAsync())!;
        Assert.True(started.Succeeded, string.Join(" ", started.Errors.Values));
        Assert.Equal((started.Id, BlobKey.Of(fitting).Hex), (held.JobId, held.InitialCheckpointHash));
        using var client = TrainingWorker.TokenClient(factory);
        Assert.Equal(fitting, await client.GetByteArrayAsync(new Uri($"/api/worker/blobs/{held.InitialCheckpointHash}", UriKind.Relative)));
        await _world.CancelAsync(held.JobId);
    }

    [Fact]
    public async Task With_auto_training_after_two_items_the_second_submitted_item_starts_a_job_and_workers_hear_of_it()
    {
        await _world.NoOpenJobsAsync();
        await using var worker = await TrainingWorker.ConnectAsync(factory, "auto");
        var annotator = await factory.EnsureUserAsync("auto-ann", QaWorld.Password, Roles.Annotator);
        var project = await _world.ProjectAsync("auto", 2, new ProjectMember(annotator, ProjectRole.Annotator));
        var first = await TestData.ItemAsync(factory.Services, project, "auto-1");
        var second = await TestData.ItemAsync(factory.Services, project, "auto-2");

        await SubmitAsync(project, annotator, first);
        var afterOne = await JobsAsync(project);
        await SubmitAsync(project, annotator, second);
        var afterTwo = await JobsAsync(project);

        Assert.Empty(afterOne);
        var job = Assert.Single(afterTwo);
        Assert.Null(job.RequestedBy);
        Assert.Contains("2 items submitted since the last training", job.Reason, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => worker.Available > 0);
        await _world.CancelAsync(job.Id);
    }

    [Fact]
    public async Task The_project_model_engine_answers_without_a_promoted_model_or_a_worker_and_otherwise_goes_to_a_project_model_worker_with_the_promoted_version()
    {
        await _world.NoOpenJobsAsync();
        var world = await new SuggestionWorld(factory, "pm").CreateAsync();
        await world.ChooseEngineAsync(SuggestionEngineNames.ProjectModel);
        var item = await world.SmallItemAsync(5);
        await using var hub = await world.ConnectAsync();
        object Request() => SuggestionWorld.Request(item, new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 }, slice: 1);

        var noModel = await hub.InvokeAsync<SuggestReply>("Suggest", Request());
        Assert.DoesNotContain(SuggestionEngineNames.ProjectModel, SuggestionEngineNames.Choices([SuggestionEngineNames.ProjectModel], SuggestionEngineNames.Auto));
        var version = await PromotedVersionAsync(world.Project);
        Assert.Contains(SuggestionEngineNames.ProjectModel, SuggestionEngineNames.Choices([], SuggestionEngineNames.Auto, hasPromotedModel: true));
        var noWorker = await hub.InvokeAsync<SuggestReply>("Suggest", Request());
        var mask = WireMask.From(new bool[32 * 32], 32, 32);
        await using var classical = await FakeWorker.ConnectAsync(factory, "w-classical", "classical", j => Task.FromResult(FakeWorker.Answer(j, mask)), [FakeWorker.Offer("grabcut-box")]);
        await using var serving = await FakeWorker.ConnectAsync(factory, "w-model", "model", j => Task.FromResult(FakeWorker.Answer(j, mask)), [FakeWorker.Offer(SuggestionEngineNames.ProjectModel)]);
        var served = await hub.InvokeAsync<SuggestReply>("Suggest", Request());

        Assert.Equal(SuggestionEngineNames.NoPromotedModel, noModel.Error);
        Assert.Equal("No worker offers 'project-model' right now.", noWorker.Error);
        Assert.True(served.Ok, served.Error);
        Assert.Equal("model", served.RanOn);
        Assert.Empty(classical.SuggestJobs);
        var job = Assert.Single(serving.SuggestJobs);
        Assert.Equal(new ModelRef(version.ModelVersionId, version.Version, version.OnnxHash, 3, version.Config.NeighbourSlices, version.Config.ImageSide), job.Model);
    }

    private IBlobStore Blobs => factory.Services.GetRequiredService<IBlobStore>();

    private static byte[] Checkpoint(UNetOptions network)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            CheckpointFormat.WriteHeader(writer, new CheckpointHeader(network, [new CheckpointTensor("enc0.conv1.weight", [4, 3, 3, 3])]));
            writer.Write(new byte[64]);
        }
        return buffer.ToArray();
    }

    private async Task<WeakSegPortal.Core.CommandResult> StartAsync(Guid project, byte[] checkpoint)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrainingStarter>()
            .StartAsync(project, TrainingWorld.Manager, true, TrainingWorld.SmallConfig, new MemoryStream(checkpoint), CancellationToken.None);
    }

    private static StoredAnnotation Stored(string kind, Box2D? box = null, Polygon? polygon = null) =>
        new(Guid.CreateVersion7(), Guid.NewGuid(), kind, box, null, null, null, Provenance.Manual, 1000, DateTimeOffset.UtcNow, Polygon: polygon);

    private async Task AdjudicateAsync(Guid item, Guid annotator, StoredAnnotation kept)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(item, new ItemAdjudicated(item, AdjudicationBasis.Annotator, annotator, [new AdjudicatedLabels(annotator, [kept])], [], Guid.Empty, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    private async Task SubmitAsync(Guid project, Guid annotator, Guid item)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(item, (await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, annotator), CancellationToken.None))?.Id);
        var finished = await scope.ServiceProvider.GetRequiredService<FinishItemHandler>().HandleAsync(new FinishItem(item, annotator, 1000), CancellationToken.None);
        Assert.True(finished.Succeeded, string.Join(" ", finished.Errors.Values));
    }

    private async Task<IReadOnlyList<TrainingJob>> JobsAsync(Guid project)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<TrainingJob>().Where(j => j.ProjectId == project).ToListAsync();
    }

    /// <summary>A trained and promoted version of the project's model (what a completed job and the manager's promotion leave).</summary>
    private async Task<ModelVersionSummary> PromotedVersionAsync(Guid project)
    {
        var job = await _world.RequestedAsync(project);
        await using var worker = await TrainingWorker.ConnectAsync(factory, "pm-trainer");
        var held = (await worker.ClaimAsync())!;
        Assert.Equal(job, held.JobId);
        var onnx = await TrainingWorker.PutBlobAsync(factory, "project model onnx"u8.ToArray());
        var versionId = await worker.CompleteAsync(held, onnx, onnx);
        await using var scope = factory.Services.CreateAsyncScope();
        var promoted = await scope.ServiceProvider.GetRequiredService<PromoteModelHandler>().HandleAsync(new PromoteModel(project, versionId, TrainingWorld.Manager), CancellationToken.None);
        Assert.True(promoted.Succeeded);
        return (await scope.ServiceProvider.GetRequiredService<ModelCatalog>().PromotedAsync(project, CancellationToken.None))!;
    }
}
