using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Annotation events stored per second and acknowledgement latency with N simulated annotators:
/// real SignalR clients (WebSockets on loopback), each sending box commands one after another and
/// waiting for each ack, bounded in time and count. Then the same number of rows by raw Npgsql
/// binary COPY into a table shaped like Marten's events, as the ceiling. Last, an outbox catch-up:
/// every client sends <see cref="CatchUpRun"/> commands in one SubmitMany call at the same moment,
/// as after a server restart.
/// </summary>
internal static class AnnotationThroughputBenchmark
{
    private const string Password = "bench-password";
    private const int CatchUpRun = 50;

    /// <param name="daemon">"Solo": the portal also recomputes agreement (one node); "Disabled": another node does.</param>
    /// <param name="maxBatch">Most commands per transaction; 1 turns group commit off, for comparison.</param>
    public static async Task RunAsync(string adminConnectionString, IReadOnlyList<int> annotatorCounts, TimeSpan duration, int maxPerClient, string daemon, int? maxBatch)
    {
        Console.WriteLine($"agreement daemon in the portal process: {daemon}; commands per transaction at most: {maxBatch?.ToString(CultureInfo.InvariantCulture) ?? "default"}");
        var settings = new Dictionary<string, string?> { ["Agreement:Daemon"] = daemon };
        if (maxBatch is { } most)
        {
            settings["AnnotationWrites:MaxBatch"] = most.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var count in annotatorCounts)
        {
            await using var portal = await BenchPortal.StartAsync(adminConnectionString, settings);
            var clients = await PrepareAsync(portal, count);
            var (stored, elapsed, latencies) = await LoadAsync(clients, duration, maxPerClient);
            var copyRate = await CopyCeilingAsync(portal.ConnectionString, stored);
            Array.Sort(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"annotators {count}: {stored} events stored in {elapsed.TotalSeconds:F1} s = {stored / elapsed.TotalSeconds:F0} events/s; " +
                $"ack p50 {Percentile(latencies, 50):F1} ms, p99 {Percentile(latencies, 99):F1} ms; raw COPY of {stored} rows: {copyRate:F0} rows/s"));
            var catchUp = await CatchUpAsync(clients);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"annotators {count}: outbox catch-up of {count} x {CatchUpRun} commands through SubmitMany: all stored in {catchUp.TotalMilliseconds:F0} ms = {count * CatchUpRun / catchUp.TotalSeconds:F0} events/s"));
            foreach (var (hub, _) in clients)
            {
                await hub.DisposeAsync();
            }
        }
    }

    private static async Task<List<(HubConnection Hub, Guid Item)>> PrepareAsync(BenchPortal portal, int count)
    {
        var ids = new List<Guid>();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<CreateUserHandler>();
            for (var i = 0; i < count; i++)
            {
                ids.Add((await users.HandleAsync(new NewUser { UserName = $"bench{i}", Password = Password, Roles = [Roles.Annotator] }, CancellationToken.None)).Id);
            }
        }
        Guid project;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var draft = new ProjectDraft
            {
                Name = "Throughput",
                Classes = [new() { Name = "Organ", Colour = "#ff0000" }],
                AllowedKinds = [AnnotationKind.Box],
                AnnotatorsPerItem = 1,
            };
            project = (await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(draft, Guid.Empty), CancellationToken.None)).Id;
            await scope.ServiceProvider.GetRequiredService<SetProjectTeamHandler>()
                .HandleAsync(new SetProjectTeam(project, [.. ids.Select(id => new ProjectMember(id, ProjectRole.Annotator))], Guid.Empty), CancellationToken.None);
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            for (var i = 0; i < count; i++)
            {
                var item = Guid.CreateVersion7();
                session.Events.StartStream<ItemView>(item, new ItemRegistered(item, project, Guid.Empty, $"item{i}", "CT",
                    new ItemGeometry(512, 512, 1, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]), "k", $"h{i}", null, Guid.Empty, DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }
        var clients = new List<(HubConnection, Guid)>();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var item = await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, id), CancellationToken.None);
            var cookie = await portal.SignInAsync($"bench{i}", Password);
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(portal.Address, "/hubs/annotation"), o => o.Headers["Cookie"] = cookie)
                .Build();
            await hub.StartAsync();
            clients.Add((hub, item!.Id));
        }
        return clients;
    }

    private static async Task<(int Stored, TimeSpan Elapsed, double[] Latencies)> LoadAsync(List<(HubConnection Hub, Guid Item)> clients, TimeSpan duration, int maxPerClient)
    {
        var latencies = new List<double>[clients.Count];
        var stopwatch = Stopwatch.StartNew();
        var deadline = stopwatch.Elapsed + duration;
        await Task.WhenAll(clients.Select(async (client, n) =>
        {
            var mine = latencies[n] = [];
            var random = new Random(n);
            for (var sent = 0; sent < maxPerClient && stopwatch.Elapsed < deadline; sent++)
            {
                var x = random.Next(0, 400);
                var y = random.Next(0, 400);
                var command = new AnnotationCommand(Guid.NewGuid(), client.Item, "box", 1, 0, Box: new BoxShape(x, y, x + 50, y + 60), ActiveMs: 1500);
                var started = Stopwatch.GetTimestamp();
                var ack = await client.Hub.InvokeAsync<AnnotationAck>("Submit", command);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ack.Accepted)
                {
                    throw new InvalidOperationException($"Refused: {ack.Reason}");
                }
            }
        }));
        var elapsed = stopwatch.Elapsed;
        return (latencies.Sum(l => l.Count), elapsed, [.. latencies.SelectMany(l => l)]);
    }

    private static async Task<TimeSpan> CatchUpAsync(List<(HubConnection Hub, Guid Item)> clients)
    {
        var runs = clients.Select((client, n) => Enumerable.Range(0, CatchUpRun)
            .Select(i => new AnnotationCommand(Guid.NewGuid(), client.Item, "box", 1, 0, Box: new BoxShape(i, n % 400, i + 40, (n % 400) + 30), ActiveMs: 900))
            .ToArray()).ToArray();
        var stopwatch = Stopwatch.StartNew();
        var acks = await Task.WhenAll(clients.Select((client, n) => client.Hub.InvokeAsync<AnnotationAck[]>("SubmitMany", runs[n])));
        var elapsed = stopwatch.Elapsed;
        if (acks.SelectMany(a => a).FirstOrDefault(a => !a.Accepted) is { } refused)
        {
            throw new InvalidOperationException($"Refused: {refused.Reason}");
        }
        return elapsed;
    }

    /// <summary>Rows per second that PostgreSQL takes by binary COPY: the ceiling no event store can pass.</summary>
    private static async Task<double> CopyCeilingAsync(string connectionString, int rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("create unlogged table if not exists copy_ceiling (id uuid primary key, stream_id uuid, version int, data jsonb, type text, timestamp timestamptz)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        const string payload = "{\"AnnotationId\":\"00000000-0000-0000-0000-000000000000\",\"Box\":{\"X0\":10,\"Y0\":20,\"X1\":60,\"Y1\":80,\"Slice\":0,\"ClassId\":1},\"ActiveMs\":1500}";
        var stopwatch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync("copy copy_ceiling (id, stream_id, version, data, type, timestamp) from stdin (format binary)"))
        {
            for (var i = 0; i < rows; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(i, NpgsqlDbType.Integer);
                await writer.WriteAsync(payload, NpgsqlDbType.Jsonb);
                await writer.WriteAsync("box_drawn", NpgsqlDbType.Text);
                await writer.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        return rows / stopwatch.Elapsed.TotalSeconds;
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
}
