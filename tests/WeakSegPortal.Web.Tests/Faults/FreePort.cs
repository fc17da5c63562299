using System.Net;
using System.Net.Sockets;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>A loopback port nobody listens on right now (the kernel's pick).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
