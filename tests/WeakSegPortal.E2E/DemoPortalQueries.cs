using Marten;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.E2E;

/// <summary>What tests that drive a demo portal through its handlers ask its store, waiting (up to a minute) for the
/// demo seed where it runs in the background.</summary>
public static class DemoPortalQueries
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>The seeded demo project's id.</summary>
    public static async Task<Guid> DemoProjectAsync(this PortalFactory portal) => (await WaitForAsync(portal,
        services => services.GetRequiredService<IQuerySession>().Query<ProjectSummary>().Where(p => p.Name.StartsWith("Demo")).FirstOrDefaultAsync(),
        "The demo project was never seeded.")).Id;

    /// <summary>The item the annotator gets next in the project.</summary>
    public static Task<ItemView> NextItemAsync(this PortalFactory portal, Guid project, Guid annotator) => WaitForAsync(portal,
        services => services.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, annotator), CancellationToken.None),
        "The demo project's items never became available.");

    /// <summary>The id of the account with this user name.</summary>
    public static async Task<Guid> UserIdAsync(this PortalFactory portal, string user)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<UserAccount>().SingleAsync(u => u.UserName == user)).Id;
    }

    private static async Task<T> WaitForAsync<T>(PortalFactory portal, Func<IServiceProvider, Task<T?>> read, string never) where T : class
    {
        ArgumentNullException.ThrowIfNull(portal);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                if (await read(scope.ServiceProvider) is { } found)
                {
                    return found;
                }
            }
            await Task.Delay(Poll);
        }
        throw new TimeoutException(never);
    }
}
