using JasperFx;
using JasperFx.Events.Daemon;
using WeakSegPortal.Hosting;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Health;

/// <summary>
/// Whether this node runs the agreement subscription now: "hot" (its async daemon runs it: Solo, or HotCold holding the
/// lock), "cold" (HotCold, another node holds the lock; this one takes over when that node dies) or "off" (Disabled).
/// </summary>
public sealed class DaemonRole(IServiceProvider services, IConfiguration configuration)
{
    public const string Hot = "hot", Cold = "cold", Off = "off";

    public DaemonMode Mode => configuration.GetValue(HostingExtensions.DaemonModeKey, DaemonMode.Solo);

    public string Current()
    {
        if (Mode == DaemonMode.Disabled || services.GetService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>() is not { } coordinator)
        {
            return Off;
        }
        var daemon = coordinator.DaemonForMainDatabase();
        return daemon.CurrentAgents().Any(a => a.Name.Name == AgreementSubscription.SubscriptionName && a.Status == AgentStatus.Running) ? Hot : Cold;
    }
}
