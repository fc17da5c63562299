using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>
/// A server on a loopback port that answers every HTTP request with one canned response and
/// remembers the request lines it got: a stand-in for a misbehaving PACS, or for a host that
/// must never be contacted.
/// </summary>
public sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string _response;

    public CannedHttpServer(string host, int status, string reason, string contentType, string body, params (string Name, string Value)[] headers)
    {
        _listener = new TcpListener(host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(host), 0);
        _listener.Start();
        var extra = string.Concat(headers.Select(h => $"{h.Name}: {h.Value}\r\n"));
        var bytes = Encoding.UTF8.GetByteCount(body);
        _response = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes}\r\nConnection: close\r\n{extra}\r\n{body}";
        _loop = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Request lines received ("GET /path HTTP/1.1").</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return; // stopped: the accept was cancelled, or the listener closed under it
            }
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                    if (await reader.ReadLineAsync() is { } line)
                    {
                        Requests.Enqueue(line);
                    }
                    while (await reader.ReadLineAsync() is { Length: > 0 })
                    {
                    }
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(_response));
                }
                catch (IOException)
                {
                    // The caller hung up first (the portal gave up on it): serve the next one.
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
