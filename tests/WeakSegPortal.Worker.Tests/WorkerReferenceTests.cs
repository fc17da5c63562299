namespace WeakSegPortal.Worker.Tests;

/// <summary>The worker is its own process: it builds on ML, Imaging and Hosting's conventions, never on the web app or the store.</summary>
public sealed class WorkerReferenceTests
{
    private static readonly string[] SignalRClient =
    [
        "Microsoft.AspNetCore.SignalR.Client", "Microsoft.AspNetCore.SignalR.Client.Core", "Microsoft.AspNetCore.SignalR.Common",
        "Microsoft.AspNetCore.SignalR.Protocols.Json", "Microsoft.AspNetCore.Http.Connections.Client", "Microsoft.AspNetCore.Http.Connections.Common",
    ];

    [Fact]
    public void The_worker_assembly_references_neither_the_web_app_nor_the_store_nor_an_ASP_NET_server()
    {
        var references = typeof(HubLink).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("WeakSegPortal.ML", references);
        Assert.Contains("WeakSegPortal.Imaging", references);
        Assert.Contains("WeakSegPortal.Hosting", references);
        Assert.DoesNotContain(references, r => r == "WeakSegPortal.Web" || r.StartsWith("Marten", StringComparison.Ordinal) || r.StartsWith("Npgsql", StringComparison.Ordinal));
        // Of ASP.NET, only what the SignalR client package brings (client, its protocol and common types).
        Assert.All(references.Where(r => r.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)),
            r => Assert.Contains(r, SignalRClient));
    }
}
