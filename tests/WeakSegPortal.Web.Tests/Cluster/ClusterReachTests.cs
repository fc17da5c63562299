using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Exports;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Training;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Training;

namespace WeakSegPortal.Web.Tests.Cluster;

/// <summary>
/// What one node stores reaches every node: an ended sign-in closes the user's hub connections on both, a training job's
/// change reaches the training pages and the trainers of both, an export's changes reach the export pages of both, and a blob stored through one node is served by the other
/// from the one shared folder (Storage:Root).
/// </summary>
public sealed class ClusterReachTests(TwoNodes cluster) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Disabling_a_user_on_node_A_closes_their_hub_connections_on_node_B_without_waiting_for_their_next_call()
    {
        var admin = await cluster.A.EnsureUserAsync("reach-admin", "reach-admin-password", Roles.Admin);
        var user = await cluster.A.EnsureUserAsync("reach-disabled", "reach-disabled-password", Roles.Annotator);
        var cookie = await HubClients.CookieAsync(cluster.A, "reach-disabled", "reach-disabled-password");
        await using var onA = await HubClients.ConnectWithCookieAsync(cluster.A, AnnotationHub.Path, cookie);
        await using var onB = await HubClients.ConnectWithCookieAsync(cluster.B, AnnotationHub.Path, cookie);
        var closedOnA = Closed(onA);
        var closedOnB = Closed(onB);

        await using (var scope = cluster.A.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UpdateUserAccessHandler>()
                .HandleAsync(new UpdateUserAccess(user, [Roles.Annotator], Disabled: true, admin), CancellationToken.None);
            Assert.True(result.Succeeded);
        }

        // Neither connection calls the hub: only the broadcast can close the one on node B (the session check runs on calls).
        await closedOnB.WaitAsync(TimeSpan.FromSeconds(20));
        await closedOnA.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HubConnectionState.Disconnected, onB.State);
    }

    [Fact]
    public async Task Signing_out_on_node_A_closes_that_sign_ins_connections_on_node_B_and_leaves_the_users_other_sign_in_open()
    {
        await cluster.A.EnsureUserAsync("reach-leaving", "reach-leaving-password", Roles.Annotator);
        var jar = new System.Net.CookieContainer();
        using var browser = await SignIn.AsWithJarAsync(cluster.A, "reach-leaving", "reach-leaving-password", jar);
        var leaving = SignIn.AuthCookie(cluster.A, jar);
        var staying = await HubClients.CookieAsync(cluster.B, "reach-leaving", "reach-leaving-password");
        await using var leavingOnB = await HubClients.ConnectWithCookieAsync(cluster.B, AnnotationHub.Path, leaving);
        await using var stayingOnB = await HubClients.ConnectWithCookieAsync(cluster.B, AnnotationHub.Path, staying);
        var closed = Closed(leavingOnB);

        // The page's sign-out form on node A, with its antiforgery token.
        var page = await browser.GetStringAsync(new Uri("/", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) });
        using var signedOut = await browser.PostAsync(new Uri("/account/logout", UriKind.Relative), form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.StatusCode);

        await closed.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HubConnectionState.Connected, stayingOnB.State);
    }

    [Fact]
    public async Task A_training_job_requested_on_node_A_reaches_a_training_page_and_a_trainer_connected_to_node_B()
    {
        await using var trainer = await TrainingWorker.ConnectAsync(cluster.B, "reach-trainer");
        await Eventually.TrueAsync(() => cluster.A.Services.GetRequiredService<WeakSegPortal.Web.Workers.WorkerRegistry>().Trainers.Any(w => w.Name == "reach-trainer"));
        var project = await TestData.ProjectAsync(cluster.A.Services, TestData.Draft($"Reach training {Guid.NewGuid():N}"));
        var heardOnB = new TaskCompletionSource<TrainingJobChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = cluster.B.Services.GetRequiredService<TrainingNotifier>().Subscribe(project, c =>
        {
            heardOnB.TrySetResult(c);
            return Task.CompletedTask;
        });

        Guid job;
        await using (var scope = cluster.A.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RequestTrainingHandler>()
                .HandleAsync(new RequestTraining(project, Guid.NewGuid(), true, TrainingWorld.SmallConfig, "reach"), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
            job = result.Id;
        }

        var change = await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal((job, TrainingJobChange.Requested), (change.JobId, change.Kind));
        await Eventually.TrueAsync(() => trainer.Available > 0);
    }

    [Fact]
    public async Task An_export_requested_on_node_A_is_pushed_to_an_export_page_on_node_B_from_request_to_its_end()
    {
        var project = await TestData.ProjectAsync(cluster.A.Services, TestData.Draft($"Reach export {Guid.NewGuid():N}"));
        var heardOnB = new System.Collections.Concurrent.ConcurrentQueue<ExportChange>();
        var allHeardOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] expected = [ExportChange.Requested, ExportChange.Started, ExportChange.Ended];
        using var page = cluster.B.Services.GetRequiredService<ExportNotifier>().Subscribe(project, c =>
        {
            heardOnB.Enqueue(c);
            // Published by different nodes (the request by A, the runner's by whichever node took it), so in any order.
            if (expected.All(k => heardOnB.Any(h => h.Kind == k)))
            {
                allHeardOnB.TrySetResult();
            }
            return Task.CompletedTask;
        });

        Guid export;
        await using (var scope = cluster.A.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RequestExportHandler>()
                .HandleAsync(new RequestExport(project, [ExportFormats.WeakLabels], ExportFilter.All, Guid.NewGuid()), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
            export = result.Id;
        }

        await allHeardOnB.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(heardOnB, c => Assert.Equal((project, export), (c.ProjectId, c.ExportId)));
        await using var read = cluster.B.Services.CreateAsyncScope();
        var stored = await read.ServiceProvider.GetRequiredService<Marten.IQuerySession>().LoadAsync<ProjectExport>(export);
        Assert.Equal(ExportStatus.Completed, stored!.Status);
    }

    [Fact]
    public async Task A_blob_stored_through_node_A_is_served_by_node_B_from_the_shared_folder()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        var hash = await TrainingWorker.PutBlobAsync(cluster.A, bytes);

        using var client = TrainingWorker.TokenClient(cluster.B);
        Assert.Equal(bytes, await client.GetByteArrayAsync(new Uri($"/api/worker/blobs/{hash}", UriKind.Relative)));
    }

    [Fact]
    public async Task The_same_bytes_stored_through_both_nodes_at_once_make_one_blob_and_leave_no_temporary_file()
    {
        var bytes = RandomNumberGenerator.GetBytes(3_000_000);
        var stores = new[] { cluster.A, cluster.B }.Select(n => n.Services.GetRequiredService<IBlobStore>()).ToArray();

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => stores[i % 2].PutAsync(new MemoryStream(bytes), CancellationToken.None))));

        Assert.Single(keys.Distinct());
        using var client = TrainingWorker.TokenClient(cluster.A);
        Assert.Equal(bytes, await client.GetByteArrayAsync(new Uri($"/api/worker/blobs/{keys[0].Hex}", UriKind.Relative)));
        Assert.Empty(Directory.GetFiles(Path.Combine(cluster.BlobRoot, ".tmp")));
        Assert.Single(Directory.GetFiles(cluster.BlobRoot, keys[0].Hex, SearchOption.AllDirectories));
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
