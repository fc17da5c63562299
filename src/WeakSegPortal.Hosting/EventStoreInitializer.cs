using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WeakSegPortal.Hosting;

/// <summary>
/// Applies Marten's schema at start. A database that cannot be reached stops the portal here,
/// with a message that says where it looked, instead of failing at the first request.
/// </summary>
internal sealed partial class EventStoreInitializer(IDocumentStore store, IOptions<DatabaseOptions> options, ILogger<EventStoreInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || e.InnerException is NpgsqlException)
        {
            var where = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
            var message = $"Cannot reach PostgreSQL at {where.Host}:{where.Port} (database '{where.Database}'): {e.Message}. " +
                          "Check Database:ConnectionString, or start the portal with infra/run.sh, which starts a private cluster.";
            Unreachable(log, message);
            throw new InvalidOperationException(message, e);
        }
        SchemaReady(log, options.Value.Schema);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void Unreachable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event store schema {Schema} is up to date")]
    private static partial void SchemaReady(ILogger logger, string schema);
}
