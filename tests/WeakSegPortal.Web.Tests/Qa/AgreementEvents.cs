using Marten;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>Label events appended straight to the event store, for tests that watch what the agreement subscription makes of them.</summary>
internal static class AgreementEvents
{
    public static BoxDrawn Box(Guid item, Guid annotator, double x) =>
        new(Guid.CreateVersion7(), item, annotator, Guid.NewGuid(), new Box2D(x, 2, x + 8, 12, 1, 1), Provenance.Manual, 10, DateTimeOffset.UtcNow);

    /// <summary>Appends one label event to its (item × annotator) stream and returns its sequence number.</summary>
    public static async Task<long> AppendAsync(PortalFactory factory, Guid item, Guid annotator, IAnnotationEvent e)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var stream = AnnotationStreams.For(item, annotator);
        session.Events.Append(stream, e);
        await session.SaveChangesAsync();
        var events = await session.Events.FetchStreamAsync(stream);
        return events[^1].Sequence;
    }
}
