using Marten;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Training;

/// <summary>Projects and training jobs of the training tests, through the portal's own handlers.</summary>
public sealed class TrainingWorld(TrainingPortal factory)
{
    public static readonly Guid Manager = Guid.NewGuid();

    public static TrainingConfig SmallConfig { get; } = new() { Epochs = 3, StepsPerEpoch = 2, BatchSize = 2, ImageSide = 64, Depth = 3, BaseChannels = 4 };

    public async Task<Guid> ProjectAsync(string prefix, int autoTrainAfterItems = 0, params ProjectMember[] team)
    {
        var draft = TestData.Draft($"Training {prefix} {Guid.NewGuid():N}");
        draft.AutoTrainAfterItems = autoTrainAfterItems;
        return await TestData.ProjectAsync(factory.Services, draft, team);
    }

    public async Task<CommandResult> RequestAsync(Guid project, TrainingConfig? config = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestTrainingHandler>()
            .HandleAsync(new RequestTraining(project, Manager, true, config ?? SmallConfig, "test"), CancellationToken.None);
    }

    public async Task<Guid> RequestedAsync(Guid project, TrainingConfig? config = null)
    {
        var result = await RequestAsync(project, config);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Id;
    }

    public async Task<CommandResult> CancelAsync(Guid job)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CancelTrainingHandler>().HandleAsync(new CancelTraining(job, Manager, true), CancellationToken.None);
    }

    public async Task<TrainingJob> JobAsync(Guid job)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<TrainingJob>(job))!;
    }

    public async Task<IReadOnlyList<object>> EventsAsync(Guid stream)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(stream);
        return [.. events.Select(e => e.Data)];
    }

    /// <summary>Jobs of earlier tests of the class are cancelled, so a claim here gets this test's job (claims take the oldest).</summary>
    public async Task NoOpenJobsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var open = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<TrainingJob>()
            .Where(j => j.Status == TrainingJobStatus.Waiting || j.Status == TrainingJobStatus.Running).ToListAsync();
        foreach (var job in open)
        {
            await CancelAsync(job.Id);
        }
        // A running job whose worker is silent ends at the next claim; move past every lease so it does.
        factory.Clock.Advance(TimeSpan.FromSeconds(TrainingPortal.LeaseSeconds + 1));
        await using var sweeper = await TrainingWorker.ConnectAsync(factory, "sweeper");
        while (await sweeper.ClaimAsync() is { } leftover)
        {
            await CancelAsync(leftover.JobId);
            factory.Clock.Advance(TimeSpan.FromSeconds(TrainingPortal.LeaseSeconds + 1));
        }
    }
}
