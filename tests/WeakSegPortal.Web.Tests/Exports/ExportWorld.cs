using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Exports;

/// <summary>A project with a team of annotators whose labels go in through the portal's own submit handler (what the hub calls).</summary>
internal sealed class ExportWorld(PortalFactory factory, string prefix)
{
    public const string Password = "export-test-password";

    public Guid Project { get; private set; }
    public IReadOnlyList<Guid> Annotators { get; private set; } = [];

    public async Task<ExportWorld> CreateAsync(int annotators = 3)
    {
        Annotators = [.. await Task.WhenAll(Enumerable.Range(1, annotators).Select(n => factory.EnsureUserAsync($"{prefix}-a{n}", Password, Roles.Annotator)))];
        Project = await TestData.ProjectAsync(factory.Services, TestData.Draft($"Export {prefix} {Guid.NewGuid():N}", annotatorsPerItem: annotators),
            [.. Annotators.Select(a => new ProjectMember(a, ProjectRole.Annotator))]);
        return this;
    }

    /// <summary>Every annotator takes the item from the queue (it must be the next one).</summary>
    public async Task AssignAsync(Guid item)
    {
        foreach (var annotator in Annotators)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var next = await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(Project, annotator), CancellationToken.None);
            Assert.Equal(item, next?.Id);
        }
    }

    public async Task<AnnotationAck> LabelAsync(int annotator, AnnotationCommand command)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var ack = await scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>().HandleAsync(command, Annotators[annotator], CancellationToken.None);
        Assert.True(ack.Accepted, ack.Reason);
        return ack;
    }

    public static AnnotationCommand Box(Guid item, int classId, int slice, double x0, double y0, double x1, double y1) =>
        new(Guid.NewGuid(), item, AnnotationKinds.Box, classId, slice, Box: new BoxShape(x0, y0, x1, y1), ActiveMs: 3000);

    public static AnnotationCommand Scribble(Guid item, int classId, int slice, params double[][] points) =>
        new(Guid.NewGuid(), item, AnnotationKinds.Scribble, classId, slice, Scribble: new ScribbleShape(points, 3), ActiveMs: 2500);

    public static AnnotationCommand Point(Guid item, int classId, int slice, double x, double y, bool positive = true) =>
        new(Guid.NewGuid(), item, AnnotationKinds.Point, classId, slice, Point: new PointShape(x, y, positive), ActiveMs: 800);

    public static AnnotationCommand Tag(Guid item, int classId, bool present, int? slice = null) =>
        new(Guid.NewGuid(), item, AnnotationKinds.Tag, classId, slice, Tag: new TagValue(present), ActiveMs: 500);

    public async Task SubmitAsync(Guid item, int annotator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(item, new ItemSubmitted(item, Annotators[annotator], 5000, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    public async Task<T?> LoadAsync<T>(Guid id)
        where T : class
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<T>(id);
    }
}
