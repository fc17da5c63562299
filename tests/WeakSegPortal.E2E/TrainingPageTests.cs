using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Training;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Seeding;
using WeakSegPortal.Web.Training;

namespace WeakSegPortal.E2E;

/// <summary>
/// The manager's training page against a test worker client on the worker hub (real SignalR, the worker token): the job a
/// manager starts is claimed, its epochs move the progress bar and the chart live, the version it registers is promoted and
/// stays promoted after a reload, and a second job is started and cancelled after the reload.
/// </summary>
public sealed class TrainingPageTests(TrainingBrowserPortal portal) : IClassFixture<TrainingBrowserPortal>
{
    [Fact]
    public async Task A_manager_starts_training_watches_it_live_promotes_the_version_and_after_a_reload_starts_and_cancels_another()
    {
        var project = await portal.DemoProjectAsync();
        await using var worker = await ConnectWorkerAsync();
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectErrors();
        var pm = DemoAccounts.All.Single(a => a.UserName == "pm");
        await page.SignInAsync(portal.BaseAddress, pm.UserName, pm.Password);
        await page.GotoAsync(new Uri(portal.BaseAddress, $"/projects/{project}/training").ToString());
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=no-versions]")).ToBeVisibleAsync();

        await page.GetByLabel("Epochs").FillAsync("3");
        await page.GetByLabel("Epochs").BlurAsync();
        await page.GetByLabel("Image side (px)").FillAsync("64");
        await page.GetByLabel("Image side (px)").BlurAsync();
        await page.Locator("[data-testid=start-training]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=training-status]")).ToHaveTextAsync("Waiting for a worker");

        var job = await ClaimAsync(worker);
        Assert.Equal((3, 64), (job.Config.Epochs, job.Config.ImageSide));
        await Assertions.Expect(page.Locator("[data-testid=training-status]")).ToHaveTextAsync("Running");
        var progress = page.Locator("[data-testid=training-progress]");
        Assert.Equal(TrainingDirective.Continue, (await ReportAsync(worker, job, 1, 0.92, 0.41)).Action);
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-value", "33");
        await Assertions.Expect(page.Locator("[data-testid=training-chart]")).ToHaveAttributeAsync("data-points", "1");
        Assert.Equal(TrainingDirective.Continue, (await ReportAsync(worker, job, 2, 0.61, 0.66)).Action);
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-value", "67");
        await Assertions.Expect(page.Locator("[data-testid=epoch-row]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=training-epoch]")).ToHaveTextAsync("Epoch 2 of 3");
        await page.SnapshotAsync("training-running");

        var checkpoint = await PutBlobAsync("e2e checkpoint"u8.ToArray());
        var onnx = await PutBlobAsync("e2e onnx"u8.ToArray());
        Assert.Equal(TrainingDirective.Continue, (await ReportAsync(worker, job, 3, 0.44, 0.78, checkpoint)).Action);
        var versionId = await worker.InvokeAsync<Guid>("CompleteTraining",
            new TrainingOutcome(job.JobId, job.Attempt, checkpoint, onnx, 0.44, 0.78, 1, 0, [], [], 65_000));
        await Assertions.Expect(page.Locator("[data-testid=training-status]")).ToHaveTextAsync("Completed");
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-value", "100");
        var row = page.Locator("[data-testid=version-row][data-version='1']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "v1" })).ToContainTextAsync("0.780");
        await page.GetByRole(AriaRole.Button, new() { Name = "Promote version 1" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=promoted]")).ToBeVisibleAsync();
        await page.SnapshotAsync("training-promoted");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=version-row][data-version='1'] [data-testid=promoted]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Promote version 1" })).ToHaveCountAsync(0);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(versionId, (await scope.ServiceProvider.GetRequiredService<ModelCatalog>().PromotedAsync(project, CancellationToken.None))?.ModelVersionId);
        }

        // After the reload: the form starts from the last job's configuration. A file that is no checkpoint is refused with
        // the reason and starts nothing; a fitting checkpoint starts a second job from it, which is then cancelled.
        await Assertions.Expect(page.GetByLabel("Epochs")).ToHaveValueAsync("3");
        var upload = page.Locator("#training-checkpoint");
        await upload.SetInputFilesAsync(new FilePayload { Name = "notes.bin", MimeType = "application/octet-stream", Buffer = "not a checkpoint"u8.ToArray() });
        await page.Locator("[data-testid=start-training]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=checkpoint-error]")).ToContainTextAsync("This is not a WeakSegPortal U-Net checkpoint");
        await Assertions.Expect(page.Locator("[data-testid=training-status]")).ToHaveTextAsync("Completed");
        var fitting = await FittingCheckpointAsync(project);
        await upload.SetInputFilesAsync(new FilePayload { Name = "start.weakseg-unet", MimeType = "application/octet-stream", Buffer = fitting });
        await page.Locator("[data-testid=start-training]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=training-status]")).ToHaveTextAsync("Waiting for a worker");
        await Assertions.Expect(page.Locator("[data-testid=checkpoint-error]")).ToHaveCountAsync(0);
        await page.SnapshotAsync("training-second-job");
        await page.Locator("[data-testid=cancel-training]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=training-status]")).ToHaveTextAsync("Cancelled");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var jobs = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<TrainingJob>().Where(j => j.ProjectId == project).ToListAsync();
            Assert.Equal([TrainingJobStatus.Completed, TrainingJobStatus.Cancelled], jobs.OrderBy(j => j.RequestedAt).Select(j => j.Status));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(fitting)), jobs.OrderBy(j => j.RequestedAt).Last().InitialCheckpointHash);
        }
        Assert.Null(await worker.InvokeAsync<TrainingAssignment?>("ClaimTraining"));
        Assert.Empty(errors);
    }

    /// <summary>A checkpoint whose network fits the project and the form's configuration (header only, as the portal reads it).</summary>
    private async Task<byte[]> FittingCheckpointAsync(Guid project)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var summary = (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ProjectSummary>(project))!;
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            WeakSegPortal.ML.Models.CheckpointFormat.WriteHeader(writer, new WeakSegPortal.ML.Models.CheckpointHeader(
                WeakSegPortal.ML.Models.UNetOptions.For(new TrainingConfig(), summary.Classes.Count), []));
            writer.Write(new byte[256]);
        }
        return buffer.ToArray();
    }

    private async Task<HubConnection> ConnectWorkerAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(portal.BaseAddress, "/hubs/worker"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(TrainingBrowserPortal.WorkerToken))
            .Build();
        await connection.StartAsync();
        await connection.InvokeAsync("Announce", new WorkerAnnouncement("e2e-trainer", "e2e-trainer", [], false, "CPU", 1) { Trains = true });
        return connection;
    }

    private static async Task<TrainingAssignment> ClaimAsync(HubConnection worker)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            if (await worker.InvokeAsync<TrainingAssignment?>("ClaimTraining") is { } job)
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The job the manager started was never claimable.");
    }

    private static Task<TrainingDirective> ReportAsync(HubConnection worker, TrainingAssignment job, int epoch, double loss, double dice, string? checkpoint = null) =>
        worker.InvokeAsync<TrainingDirective>("ReportTrainingEpoch", new TrainingEpochReport(job.JobId, job.Attempt, epoch, job.Config.Epochs, loss, dice, checkpoint));

    private async Task<string> PutBlobAsync(byte[] bytes)
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TrainingBrowserPortal.WorkerToken);
        using var response = await client.PostAsync(new Uri("/api/worker/blobs", UriKind.Relative), new ByteArrayContent(bytes));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BlobStored>())!.Hash;
    }
}
