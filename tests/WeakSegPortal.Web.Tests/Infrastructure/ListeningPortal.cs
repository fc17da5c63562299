using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>The portal with one Marten session listener of the test's (a rival writer, an interfering commit) on every session.</summary>
public class ListeningPortal<TListener> : PortalFactory
    where TListener : IDocumentSessionListener, new()
{
    public TListener Listener { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureMarten(options => options.Listeners.Add(Listener)));
    }
}
