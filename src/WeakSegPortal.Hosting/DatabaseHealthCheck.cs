using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WeakSegPortal.Hosting;

/// <summary>Reports whether PostgreSQL answers, its version, and whether Marten's schema is in place.</summary>
internal sealed class DatabaseHealthCheck(IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "select exists (select 1 from information_schema.tables where table_schema = @schema and table_name = 'mt_events')",
                connection);
            command.Parameters.AddWithValue("schema", options.Value.Schema);
            var schemaReady = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            var data = new Dictionary<string, object>
            {
                ["server"] = connection.PostgreSqlVersion.ToString(),
                ["database"] = connection.Database,
                ["schema"] = options.Value.Schema,
                ["eventStore"] = schemaReady ? "ready" : "missing",
            };
            return schemaReady
                ? HealthCheckResult.Healthy("PostgreSQL answers and the event store is in place.", data)
                : HealthCheckResult.Degraded("PostgreSQL answers but the event store tables are missing.", data: data);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {e.Message}");
        }
    }
}
