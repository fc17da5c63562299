using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Extensions;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// Puts the fault suite's world into a fresh database before the child portal starts: N annotators
/// (through the portal's own CreateUserHandler), one project of boxes, scribbles and points on a
/// 512 × 512 image, its team, one item per annotator, each assigned by the work queue. It runs the
/// portal's services in-process once (they apply the schema), then stops them.
/// </summary>
public static class FaultWorldSeed
{
    public const int ImageSize = 512;

    public static Task<IReadOnlyList<FaultAnnotator>> SeedAsync(string connectionString, int annotators, CancellationToken ct) =>
        SeedAsync(connectionString, annotators, new Dictionary<string, string>(), ct);

    /// <param name="settings">Further portal settings for the seeding run, over the defaults (e.g. Seed:Demo, a shared Storage:Root).</param>
    public static async Task<IReadOnlyList<FaultAnnotator>> SeedAsync(string connectionString, int annotators, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(WeakSegPortal.Web.Extensions.Extensions).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.Configuration["Agreement:Daemon"] = "Disabled";
        builder.Configuration["Storage:Root"] = Directory.CreateTempSubdirectory("weakseg-fault-seed-").FullName;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPortalServices();
        await using var app = builder.Build();
        app.UsePortal();
        await app.StartAsync(ct);
        try
        {
            return await SeedAsync(app.Services, annotators, ct);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<IReadOnlyList<FaultAnnotator>> SeedAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var people = new List<(string Name, string Password, Guid Id)>();
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<CreateUserHandler>();
            for (var i = 0; i < count; i++)
            {
                var (name, password) = ($"fault{i}", $"fault-pw-{i}");
                var made = await users.HandleAsync(new NewUser { UserName = name, Password = password, Roles = [Roles.Annotator] }, ct);
                people.Add((name, password, made.Id));
            }
        }
        Guid project;
        await using (var scope = services.CreateAsyncScope())
        {
            var draft = new ProjectDraft
            {
                Name = "Faults",
                Classes = [new() { Name = "Organ", Colour = "#ff0000" }],
                AllowedKinds = [AnnotationKind.Box, AnnotationKind.Scribble, AnnotationKind.Point],
                AnnotatorsPerItem = 1,
            };
            project = (await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(draft, Guid.Empty), ct)).Id;
            await scope.ServiceProvider.GetRequiredService<SetProjectTeamHandler>()
                .HandleAsync(new SetProjectTeam(project, [.. people.Select(p => new ProjectMember(p.Id, ProjectRole.Annotator))], Guid.Empty), ct);
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            for (var i = 0; i < count; i++)
            {
                var item = Guid.CreateVersion7();
                session.Events.StartStream<ItemView>(item, new ItemRegistered(item, project, Guid.Empty, $"item{i}", "CT",
                    new ItemGeometry(ImageSize, ImageSize, 1, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]), "k", $"h{i}", null, Guid.Empty, DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync(ct);
        }
        var annotators = new List<FaultAnnotator>();
        foreach (var (name, password, id) in people)
        {
            await using var scope = services.CreateAsyncScope();
            var item = await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, id), ct)
                ?? throw new InvalidOperationException($"No item for {name}.");
            annotators.Add(new FaultAnnotator(name, password, id, item.Id));
        }
        return annotators;
    }
}
