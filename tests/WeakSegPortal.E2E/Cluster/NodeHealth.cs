using System.Text.Json;

namespace WeakSegPortal.E2E.Cluster;

/// <summary>
/// What one web node's /health says to a signed-in admin: its daemon role, how far agreement got, its backplane and its
/// workers; <see cref="Agreement"/> is the agreement check's whole data (its pages' timings too), for the run's log.
/// </summary>
public sealed record NodeHealth(string Role, long HandledSequence, long NewestSequence, string Backplane, int WorkersHere, string Agreement)
{
    /// <summary>Asks the node directly (not through the balancer), with an admin's sign-in cookie; null when it does not answer.</summary>
    public static async Task<NodeHealth?> ReadAsync(Uri node, string adminCookie, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, "/health"));
        request.Headers.Add("Cookie", adminCookie);
        try
        {
            using var response = await http.SendAsync(request, ct);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var checks = json.RootElement.GetProperty("checks");
            var agreement = checks.GetProperty("agreement").GetProperty("data");
            var backplane = checks.GetProperty("backplane").GetProperty("data");
            return new NodeHealth(
                agreement.GetProperty("role").GetString() ?? "",
                agreement.GetProperty("handledSequence").GetInt64(),
                agreement.GetProperty("newestSequence").GetInt64(),
                backplane.GetProperty("backplane").GetString() ?? "",
                backplane.GetProperty("workersHere").GetInt32(),
                agreement.GetRawText());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
