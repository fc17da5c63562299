using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Hosting;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Hosting;

/// <summary>
/// The shared hosting project on its own, the way a worker or the CLI would use it: a generic host
/// (no web app, none of the portal's wiring) whose store applies the schema at start and appends and
/// reads back an annotation event, with Core's inline projection written in the same transaction.
/// </summary>
public sealed class StoreHostingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_host_with_the_shared_store_alone_appends_and_reads_an_annotation_event()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["Database:Schema"] = "hosted",
            [HostingExtensions.DaemonModeKey] = "Disabled",
        });
        builder.AddWeakSegLogging();
        builder.AddWeakSegStore();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var (item, annotator) = (Guid.NewGuid(), Guid.NewGuid());
            var placed = new PointPlaced(Guid.NewGuid(), item, annotator, Guid.NewGuid(), new LabelPoint(12.5, 7, 3, 1), Provenance.Manual, 900, DateTimeOffset.UnixEpoch);
            await using (var session = store.LightweightSession())
            {
                session.Events.Append(AnnotationStreams.For(item, annotator), placed);
                await session.SaveChangesAsync();
            }

            await using var query = store.QuerySession();
            var events = await query.Events.FetchStreamAsync(AnnotationStreams.For(item, annotator));
            Assert.Equal(placed, Assert.Single(events).Data);
            Assert.Equal("hosted", store.Options.Events.DatabaseSchemaName);
            var record = await query.Query<AnnotationRecord>().SingleAsync(r => r.AnnotationId == placed.AnnotationId);
            Assert.Equal(annotator, record.AnnotatorId);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_host_without_a_connection_string_is_refused_at_start_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddWeakSegStore();
        using var host = builder.Build();
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Database:ConnectionString", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hosting_assembly_references_neither_the_web_app_nor_ASP_NET()
    {
        var references = typeof(HostingExtensions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("WeakSegPortal.Core", references);
        Assert.DoesNotContain(references, name => name.StartsWith("WeakSegPortal.Web", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
