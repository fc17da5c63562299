using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Training;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Seeding;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Training;

namespace WeakSegPortal.E2E;

/// <summary>
/// Issue 13's whole loop through the REAL worker process (WeakSegPortal.Worker, a child process) and the REAL portal, no
/// stand-in on either side: an annotator's scribbles and boxes go through the annotation hub and the item is submitted; a
/// manager's training job is claimed by the worker, which fetches the dataset and volumes, trains, reports every epoch,
/// exports ONNX and registers a version; the manager promotes it; and a "project-model" suggestion is answered by that
/// worker with the trained network, on the organ it was taught.
/// </summary>
public sealed class RealWorkerTrainingTests(RealTrainingPortal portal) : IClassFixture<RealTrainingPortal>
{
    private const int Kidney = 2; // the demo project's class id
    private const short RightKidney = 2, LeftKidney = 3; // the demo truth's labels

    /// <summary>Small enough for a loaded CPU (a few seconds of training when the machine is quiet), big enough to learn the kidneys.</summary>
    private static readonly TrainingConfig Tiny = new()
    {
        Depth = 3, BaseChannels = 8, NeighbourSlices = 1, ImageSide = 64, Epochs = 3, StepsPerEpoch = 20, BatchSize = 4, LearningRate = 3e-3, Seed = 7,
    };

    [Fact]
    public async Task Labels_submitted_are_learned_by_the_real_worker_whose_promoted_model_then_answers_a_project_model_suggestion()
    {
        var project = await portal.DemoProjectAsync();
        var annotator = await portal.UserIdAsync("ann1");
        var manager = await portal.UserIdAsync("pm");
        var item = await portal.NextItemAsync(project, annotator);
        var truth = DemoTruth.For(item.Name);
        var slice = truth.LargestSlice(RightKidney, LeftKidney);

        // The annotator: scribbles inside both kidneys and on the background around them, and a box round each, on three
        // slices, through the annotation hub as the browser sends them; then the item is submitted as the page does.
        await using (var hub = await AnnotationHubAsync("ann1", "ann1-demo-pw"))
        {
            foreach (var k in new[] { slice - 2, slice, slice + 2 })
            {
                foreach (var command in Labels(truth, item.Id, k))
                {
                    var ack = await hub.InvokeAsync<AnnotationAck>("Submit", command);
                    Assert.True(ack.Accepted, ack.Reason);
                }
            }
        }
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var finished = await scope.ServiceProvider.GetRequiredService<FinishItemHandler>().HandleAsync(new FinishItem(item.Id, annotator, 60_000), CancellationToken.None);
            Assert.True(finished.Succeeded, string.Join(" ", finished.Errors.Values));
        }

        // The manager starts a job; the real worker claims it, trains, reports each epoch and registers a version.
        Guid jobId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var requested = await scope.ServiceProvider.GetRequiredService<RequestTrainingHandler>()
                .HandleAsync(new RequestTraining(project, manager, true, Tiny, "e2e: real worker"), CancellationToken.None);
            Assert.True(requested.Succeeded, string.Join(" ", requested.Errors.Values));
            jobId = requested.Id;
        }
        var job = await EndedAsync(jobId, TimeSpan.FromMinutes(4));
        Assert.True(job.Status == TrainingJobStatus.Completed, $"The job ended {job.Status}: {job.FailureReason}\nWorker log:\n{portal.Worker.Log()}");
        Assert.Equal((RealTrainingPortal.WorkerName, 1), (job.WorkerName, job.Attempt));
        var epochs = (await EventsAsync(jobId)).OfType<TrainingEpochCompleted>().ToList();
        Assert.Equal([1, 2, 3], epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.True(double.IsFinite(e.Loss) && e.Loss > 0, $"epoch {e.Epoch} loss {e.Loss}"));
        Assert.True(epochs[^1].Loss < epochs[0].Loss, $"the loss did not fall: {string.Join(", ", epochs.Select(e => e.Loss))}");

        ModelVersionSummary version;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<ModelCatalog>();
            var registered = Assert.Single(await catalog.VersionsAsync(project, CancellationToken.None));
            Assert.Equal((job.ModelVersionId, 1, 5, 1), (registered.ModelVersionId, registered.Version, registered.Classes, registered.LabelledItems));
            var promoted = await scope.ServiceProvider.GetRequiredService<PromoteModelHandler>()
                .HandleAsync(new PromoteModel(project, registered.ModelVersionId, manager), CancellationToken.None);
            Assert.True(promoted.Succeeded, string.Join(" ", promoted.Errors.Values));
            version = (await catalog.PromotedAsync(project, CancellationToken.None))!;
            Assert.Equal(registered.ModelVersionId, version.ModelVersionId);
        }

        // The ONNX file the worker exported, fetched as a worker would: a U-Net with the signature the engine serves.
        using (var onnx = new InferenceSession(await BlobAsync(version.OnnxHash)))
        {
            Assert.Equal(ProjectModelSignature.Input, Assert.Single(onnx.InputMetadata).Key);
            Assert.Equal([1L + 2 * Tiny.NeighbourSlices], onnx.InputMetadata[ProjectModelSignature.Input].Dimensions.Skip(1).Take(1).Select(d => (long)d));
            Assert.Contains(ProjectModelSignature.Probabilities, onnx.OutputMetadata.Keys);
        }

        // An annotator asks the promoted model for the kidney in a box: the worker answers with the trained network.
        var extent = truth.Extent(slice, RightKidney);
        await using (var hub = await AnnotationHubAsync("ann1", "ann1-demo-pw"))
        {
            var reply = await hub.InvokeAsync<SuggestReply>("Suggest", new
            {
                requestId = Guid.NewGuid(),
                objectId = Guid.NewGuid(),
                itemId = item.Id,
                orientation = "axial",
                slice,
                classId = Kidney,
                engine = SuggestionEngineNames.ProjectModel,
                box = new { x0 = extent.I0 - 4, y0 = extent.J0 - 4, x1 = extent.I1 + 4, y1 = extent.J1 + 4 },
                points = Array.Empty<object>(),
                scribbles = Array.Empty<object>(),
            });
            Assert.True(reply.Ok, $"{reply.Error}\nWorker log:\n{portal.Worker.Log()}");
            Assert.Equal((SuggestionEngineNames.ProjectModel, "1", RealTrainingPortal.WorkerName), (reply.Engine, reply.EngineVersion, reply.RanOn));
            var mask = reply.Mask!.ToMask();
            var dice = Overlap.Dice(mask, truth.Mask(slice, RightKidney));
            Assert.True(dice >= 0.5, $"the trained model's kidney has Dice {dice:F3} against the truth ({mask.Count(m => m)} pixels)");
        }
        Assert.True(portal.Worker.Running, portal.Worker.Log());
    }

    /// <summary>Scribbles inside each kidney (the middle half of its centre row), background runs 5 pixels above and below them, a box round each.</summary>
    private static IEnumerable<AnnotationCommand> Labels(DemoTruth truth, Guid item, int k)
    {
        foreach (var label in new[] { RightKidney, LeftKidney })
        {
            var e = truth.Extent(k, label);
            var row = (int)Math.Round(e.Cj);
            var inside = Enumerable.Range(e.I0, e.I1 - e.I0 + 1).Where(i => truth.Has(i, row, k, label)).ToList();
            var quarter = inside.Count / 4;
            yield return Scribble(item, Kidney, k, inside.Skip(quarter).Take(Math.Max(2, inside.Count - 2 * quarter)).Select(i => (i, row)));
            yield return new AnnotationCommand(Guid.NewGuid(), item, "box", Kidney, k, Box: new BoxShape(e.I0 - 0.5, e.J0 - 0.5, e.I1 + 0.5, e.J1 + 0.5), ActiveMs: 3000);
            foreach (var y in new[] { e.J0 - 5, e.J1 + 5 })
            {
                foreach (var run in BackgroundRuns(truth, k, y, e.I0 - 6, e.I1 + 6))
                {
                    yield return Scribble(item, 0, k, run.Select(i => (i, y)));
                }
            }
        }
    }

    /// <summary>Runs of at least 3 consecutive pixels on row y, from x0 to x1, where the truth holds no organ.</summary>
    private static IEnumerable<List<int>> BackgroundRuns(DemoTruth truth, int k, int y, int x0, int x1)
    {
        var run = new List<int>();
        for (var x = Math.Max(0, x0); x <= Math.Min(191, x1); x++)
        {
            if (y is >= 0 and < 192 && truth.Has(x, y, k, 0))
            {
                run.Add(x);
                continue;
            }
            if (run.Count >= 3)
            {
                yield return run;
            }
            run = [];
        }
        if (run.Count >= 3)
        {
            yield return run;
        }
    }

    private static AnnotationCommand Scribble(Guid item, int classId, int k, IEnumerable<(int X, int Y)> pixels) =>
        new(Guid.NewGuid(), item, "scribble", classId, k, Scribble: new ScribbleShape(pixels.Select(p => new double[] { p.X, p.Y }).ToList(), 2), ActiveMs: 2000);

    private async Task<HubConnection> AnnotationHubAsync(string user, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = portal.BaseAddress };
        using var response = await SignIn.PostAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = cookies.GetCookies(portal.BaseAddress)[SignInCookie.Name]!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(portal.BaseAddress, "/hubs/annotation"), options => options.Headers["Cookie"] = $"{cookie.Name}={cookie.Value}")
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private async Task<byte[]> BlobAsync(string hash)
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RealTrainingPortal.WorkerToken);
        return await client.GetByteArrayAsync(new Uri($"/api/worker/blobs/{hash}", UriKind.Relative));
    }

    private async Task<TrainingJob> EndedAsync(Guid jobId, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                var job = (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<TrainingJob>(jobId))!;
                if (job.IsEnded)
                {
                    return job;
                }
                if (clock.Elapsed > patience || !portal.Worker.Running)
                {
                    throw new TimeoutException($"The job is {job.Status} at epoch {job.Epoch} of {job.Epochs} after {clock.Elapsed.TotalSeconds:F0} s; worker log:\n{portal.Worker.Log()}");
                }
            }
            await Task.Delay(250);
        }
    }

    private async Task<IReadOnlyList<object>> EventsAsync(Guid stream)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(stream);
        return [.. events.Select(e => e.Data)];
    }
}
