using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>A project with three annotators and a QA lead, an item all three hold, and helpers to label it through the hub.</summary>
public sealed class QaWorld(PortalFactory factory, string prefix)
{
    public const string Password = "qa-test-password";

    public Guid Project { get; private set; }
    public Guid Item { get; private set; }
    public Guid QaLead { get; private set; }
    public IReadOnlyList<Guid> Annotators { get; private set; } = [];
    public string[] AnnotatorNames { get; } = [$"{prefix}-a1", $"{prefix}-a2", $"{prefix}-a3"];
    public string QaLeadName => $"{prefix}-qa";

    public async Task<QaWorld> CreateAsync(string projectName)
    {
        Annotators = [.. await Task.WhenAll(AnnotatorNames.Select(n => factory.EnsureUserAsync(n, Password, Roles.Annotator)))];
        QaLead = await factory.EnsureUserAsync(QaLeadName, Password, Roles.QaLead);
        var team = Annotators.Select(a => new ProjectMember(a, ProjectRole.Annotator)).Append(new ProjectMember(QaLead, ProjectRole.QaLead)).ToArray();
        Project = await TestData.ProjectAsync(factory.Services, TestData.Draft(projectName, annotatorsPerItem: 3), team);
        Item = await TestData.ItemAsync(factory.Services, Project, "case-1", nx: 64, ny: 48, nz: 8);
        foreach (var annotator in Annotators)
        {
            Assert.Equal(Item, (await NextAsync(annotator))?.Id);
        }
        return this;
    }

    public async Task<ItemView?> NextAsync(Guid annotator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(Project, annotator), CancellationToken.None);
    }

    public Task<HubConnection> ConnectAsync(int annotator) =>
        HubClients.ConnectAsync(factory, "/hubs/annotation", AnnotatorNames[annotator], Password);

    public static async Task<AnnotationAck> BoxAsync(HubConnection hub, Guid item, double x0, double y0, double x1, double y1, int slice = 3)
    {
        var ack = await hub.InvokeAsync<AnnotationAck>("Submit", new AnnotationCommand(Guid.NewGuid(), item, "box", 1, slice, Box: new BoxShape(x0, y0, x1, y1), ActiveMs: 4000));
        Assert.True(ack.Accepted, ack.Reason);
        return ack;
    }

    public async Task SubmitItemAsync(Guid annotator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(Item, new ItemSubmitted(Item, annotator, 5000, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    public async Task<T?> LoadAsync<T>(Guid id)
        where T : class
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<T>(id);
    }

    public Task<ItemAgreementSummary> SummaryWhenAsync(Func<ItemAgreementSummary, bool> done) =>
        Eventually.GetAsync(() => LoadAsync<ItemAgreementSummary>(Item), done);
}
