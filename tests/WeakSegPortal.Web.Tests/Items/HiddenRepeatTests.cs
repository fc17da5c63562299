using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Dashboard;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Items;

/// <summary>
/// Hidden repeats end to end on the real store: the queue serves an item again as an item of its own, its labels go
/// through the real hub into their own stream, the daemon scores it against the first pass, and neither the original's
/// agreement nor the project's coverage counts it.
/// </summary>
public sealed class HiddenRepeatTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Password = "repeat-test-password";

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<ItemView?> NextAsync(Guid project, Guid annotator) =>
        WithAsync(sp => sp.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, annotator), CancellationToken.None));

    private async Task SubmitAsync(Guid item, Guid annotator)
    {
        var result = await WithAsync(sp => sp.GetRequiredService<FinishItemHandler>().HandleAsync(new FinishItem(item, annotator, 9000), CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    [Fact]
    public async Task A_repeat_comes_back_unmarked_keeps_its_labels_apart_and_gives_the_annotator_a_self_agreement()
    {
        var annotator = await factory.EnsureUserAsync("repeat-a1", Password, Roles.Annotator);
        var draft = TestData.Draft("Hidden repeats", annotatorsPerItem: 1);
        draft.RepeatShare = 0.5;
        var project = await TestData.ProjectAsync(factory.Services, draft, new ProjectMember(annotator, ProjectRole.Annotator));
        foreach (var name in new[] { "r-1", "r-2", "r-3" })
        {
            await TestData.ItemAsync(factory.Services, project, name);
        }
        await using var hub = await HubClients.ConnectAsync(factory, "/hubs/annotation", "repeat-a1", Password);

        var first = (await NextAsync(project, annotator))!;
        await QaWorld.BoxAsync(hub, first.Id, 10, 10, 30, 30);
        await SubmitAsync(first.Id, annotator);
        var second = (await NextAsync(project, annotator))!;
        await QaWorld.BoxAsync(hub, second.Id, 5, 5, 20, 20);
        await SubmitAsync(second.Id, annotator);

        // Half of two submitted items is one: the one submitted longest ago comes back, as an item like any other.
        var repeat = (await NextAsync(project, annotator))!;
        Assert.Equal(RepeatIds.For(first.Id, annotator), repeat.Id);
        Assert.Equal((first.VolumeKey, first.Geometry.Nx, first.Id), (repeat.VolumeKey, repeat.Geometry.Nx, repeat.RepeatOf!.Value));
        // Its own pseudonym (the project's next number): the first pass's name would give the repeat away.
        Assert.NotEqual(first.Name, repeat.Name);
        Assert.EndsWith("-0004", repeat.Name, StringComparison.Ordinal);
        Assert.Equal([annotator], repeat.AssignedTo);
        // The hub takes labels for it like any assigned item; they land in the repeat's own stream.
        await QaWorld.BoxAsync(hub, repeat.Id, 12, 10, 30, 32);
        var firstPass = await WithAsync(sp => AnnotationRecords.OfAsync(sp.GetRequiredService<IQuerySession>(), first.Id, annotator, CancellationToken.None));
        var secondPass = await WithAsync(sp => AnnotationRecords.OfAsync(sp.GetRequiredService<IQuerySession>(), repeat.Id, annotator, CancellationToken.None));
        Assert.Equal(10, Assert.Single(firstPass.Annotations).Box!.X0);
        Assert.Equal(12, Assert.Single(secondPass.Annotations).Box!.X0);
        await SubmitAsync(repeat.Id, annotator);

        var self = await Eventually.GetAsync(() => WithAsync(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<SelfAgreement>(repeat.Id)), s => s.Agreement is not null);
        Assert.Equal((first.Id, annotator, project), (self.OriginalItemId, self.AnnotatorId, self.ProjectId));
        Assert.InRange(self.Agreement!.Value, 0.5, 0.99);
        var card = await Eventually.GetAsync(() => WithAsync(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<AnnotatorScorecard>(ScorecardIds.For(project, annotator))), c => c.RepeatsCompared == 1 && c.Items == 2);
        Assert.Equal(self.Agreement, card.SelfAgreement);
        // No double counting: the original still has one annotator, and the repeat no QA row of its own.
        var original = await WithAsync(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<ItemAgreementSummary>(first.Id));
        Assert.Equal([annotator], original!.AnnotatorIds);
        Assert.Null(await WithAsync(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<ItemAgreementSummary>(repeat.Id)));
        Assert.Equal(2, card.Items);

        // Coverage counts the data set's three items, two of them at the target; the repeat is the annotator's work only.
        var report = (await WithAsync(sp => CoverageReportQuery.LoadAsync(sp.GetRequiredService<IQuerySession>(), project, DateTimeOffset.UtcNow, CancellationToken.None)))!;
        Assert.Equal((3, 2), (report.Items, report.ItemsAtTarget));
        Assert.DoesNotContain(report.Rows, r => r.ItemId == repeat.Id);
        var row = Assert.Single(report.Annotators);
        Assert.Equal((3, 3, 1, self.Agreement), (row.Done, row.Submitted, row.RepeatsCompared, row.SelfAgreement));
        Assert.Equal(3, report.Throughput.Sum(d => d.Submitted));
        Assert.Equal(2, report.Cells.Single(c => c.ClassId == 1 && c.Kind == AnnotationKinds.Box).ItemsAtTarget);

        // One repeat of two submitted items is the share: the next is the third regular item, not another repeat.
        var third = (await NextAsync(project, annotator))!;
        Assert.Null(third.RepeatOf);
        Assert.Equal("r-3", third.Name);
    }

    [Fact]
    public async Task The_repeat_share_is_a_project_setting_kept_by_an_edit_and_refused_above_half()
    {
        var draft = TestData.Draft("Repeat share setting");
        draft.RepeatShare = 0.2;
        var project = await TestData.ProjectAsync(factory.Services, draft);
        Assert.Equal(0.2, (await WithAsync(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<ProjectSummary>(project)))!.RepeatShare);

        var (stored, version) = (await WithAsync(sp => ProjectQueries.LoadAsync(sp.GetRequiredService<IQuerySession>(), project, CancellationToken.None)))!.Value;
        var edit = ProjectDraft.From(stored, version);
        Assert.Equal(0.2, edit.RepeatShare);
        edit.RepeatShare = 0.6;
        var refused = await WithAsync(sp => sp.GetRequiredService<EditProjectHandler>().HandleAsync(new EditProject(project, edit, Guid.Empty), CancellationToken.None));
        Assert.Contains(nameof(ProjectDraft.RepeatShare), refused.Errors.Keys);
        edit.RepeatShare = 0;
        var saved = await WithAsync(sp => sp.GetRequiredService<EditProjectHandler>().HandleAsync(new EditProject(project, edit, Guid.Empty), CancellationToken.None));
        Assert.True(saved.Succeeded);
        Assert.Equal(0, (await WithAsync(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<ProjectSummary>(project)))!.RepeatShare);
    }
}
