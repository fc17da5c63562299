using System.Diagnostics;
using Npgsql;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of the fault suite's own (infra/lib.sh's pg_start), so that it can be
/// restarted under load without touching anybody else's database.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _data;

    private PrivateCluster(string data, int port)
    {
        _data = data;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = "postgres", MaxPoolSize = 100 }.ConnectionString;

    /// <param name="settings">postgres -c settings, e.g. fsync=off; synchronous_commit stays on so that an ack survives an immediate restart.</param>
    public static async Task<PrivateCluster> StartAsync(string folder, IEnumerable<string> settings, CancellationToken ct)
    {
        var port = FreePort.Next();
        var cluster = new PrivateCluster(Path.Combine(folder, "pg"), port);
        await cluster.ShellAsync($"pg_start \"$1\" {port} max_connections=300 {string.Join(' ', settings)}", ct);
        return cluster;
    }

    /// <summary>An immediate restart: every backend is killed without a checkpoint, as a crash would, then crash recovery.</summary>
    public async Task RestartImmediateAsync(CancellationToken ct)
    {
        var before = PostmasterPid();
        await ShellAsync("pg_as_owner \"$(pg_bindir)/pg_ctl\" -D \"$1\" -m immediate -w -t 60 restart -l \"$1/server.log\" >/dev/null", ct);
        if (PostmasterPid() == before)
        {
            throw new InvalidOperationException($"PostgreSQL in {_data} was not restarted (postmaster {before} still runs).");
        }
    }

    /// <summary>The first line of postmaster.pid: the server process of this start.</summary>
    private string PostmasterPid() => File.ReadLines(Path.Combine(_data, "postmaster.pid")).First();

    public async Task CreateDatabaseAsync(string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"create database {name}", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ShellAsync("pg_stop \"$1\"", CancellationToken.None);
    }

    /// <summary>Runs a line of bash with infra/lib.sh sourced and the data folder as $1.</summary>
    private async Task ShellAsync(string script, CancellationToken ct)
    {
        var lib = Path.Combine(RepositoryRoot.Path, "infra", "lib.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", $"set -e; source \"{lib}\"; {script}", "pg", _data })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{script}` failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
