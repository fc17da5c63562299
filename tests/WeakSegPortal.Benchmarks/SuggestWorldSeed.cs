using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Extensions;
using WeakSegPortal.Web.Items;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Puts the hub benchmark's world into a fresh database and blob folder before the child portal starts: one
/// annotator, a project with the demo's four organ classes, one 512×512×8 demo CT (seed 1) registered as an import
/// would (voxels in the blob store), assigned to the annotator by the work queue. The portal's own services run
/// in-process once for it (they apply the schema), then stop.
/// </summary>
internal static class SuggestWorldSeed
{
    public const int Size = 512;
    public const int Slice = 4;

    public static async Task<SuggestWorld> SeedAsync(string connectionString, string storageRoot, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(WeakSegPortal.Web.Extensions.Extensions).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.Configuration["Agreement:Daemon"] = "Disabled";
        builder.Configuration["Storage:Root"] = storageRoot;
        builder.Configuration["Seed:Demo"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPortalServices();
        await using var app = builder.Build();
        app.UsePortal();
        await app.StartAsync(ct);
        try
        {
            return await SeedAsync(app.Services, ct);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<SuggestWorld> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var (name, password) = ("bench-annotator", "bench-annotator-pw");
        Guid annotator;
        await using (var scope = services.CreateAsyncScope())
        {
            var made = await scope.ServiceProvider.GetRequiredService<CreateUserHandler>()
                .HandleAsync(new NewUser { UserName = name, Password = password, Roles = [Roles.Annotator] }, ct);
            annotator = made.Id;
        }

        var demo = new DemoVolumeGenerator(1).CreateCt(Size, 8);
        Guid project;
        await using (var scope = services.CreateAsyncScope())
        {
            var draft = new ProjectDraft
            {
                Name = "Suggestion benchmark",
                Modality = Modality.CT,
                Classes = [.. DemoVolumeGenerator.LabelNames.OrderBy(l => l.Key).Select(l => new LabelClassDraft { Name = l.Value, Colour = $"#{l.Key * 50:x2}8040" })],
                AllowedKinds = [AnnotationKind.Box, AnnotationKind.Scribble, AnnotationKind.Point],
                AnnotatorsPerItem = 1,
            };
            project = (await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(draft, Guid.Empty), ct)).Id;
            await scope.ServiceProvider.GetRequiredService<SetProjectTeamHandler>()
                .HandleAsync(new SetProjectTeam(project, [new ProjectMember(annotator, ProjectRole.Annotator)], Guid.Empty), ct);
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            await scope.ServiceProvider.GetRequiredService<ItemRegistrar>().StageAsync(session, project, Guid.CreateVersion7(), "bench-ct-512", demo.Image, Guid.Empty, ct);
            await session.SaveChangesAsync(ct);
        }

        Guid item;
        await using (var scope = services.CreateAsyncScope())
        {
            item = (await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, annotator), ct)
                ?? throw new InvalidOperationException("The work queue gave the benchmark's annotator no item.")).Id;
        }

        var labels = SliceExtractor.Extract(demo.Labels, SliceOrientation.Axial, Slice).Values;
        var truths = DemoVolumeGenerator.LabelNames.Keys.ToDictionary(id => id, id => Array.ConvertAll(labels, v => (int)v == id));
        return new SuggestWorld(name, password, item, Slice, Size, truths);
    }
}
