using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>Real SignalR clients of the in-process portal, signed in through the real form.</summary>
public static class HubClients
{
    public static async Task<HubConnection> ConnectAsync(PortalFactory factory, string path, string userName, string password) =>
        await ConnectWithCookieAsync(factory, path, await CookieAsync(factory, userName, password));

    /// <summary>A connection that sends this cookie (name=value), as a browser holding it would.</summary>
    public static async Task<HubConnection> ConnectWithCookieAsync(PortalFactory factory, string path, string cookie)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, path), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The sign-in cookie, as a browser would send it.</summary>
    public static async Task<string> CookieAsync(PortalFactory factory, string userName, string password)
    {
        using var client = SignIn.NewClient(factory);
        using var response = await SignIn.PostAsync(client, userName, password);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("weakseg.auth=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }
}
