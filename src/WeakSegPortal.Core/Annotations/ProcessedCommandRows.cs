using Marten;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// A run's answered command ids as one INSERT of many rows into <see cref="ProcessedCommand"/>'s table (the same
/// columns and JSON Marten writes), instead of one statement per command. No ON CONFLICT: a command id another
/// writer stored first fails the statement with a unique violation in the database, which aborts the whole
/// transaction there (Marten's own Insert says ON CONFLICT DO NOTHING and finds the conflict in the answer).
/// </summary>
public static class ProcessedCommandRows
{
    public static void Queue(IDocumentSession session, IReadOnlyList<ProcessedCommand> processed)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(processed);
        if (processed.Count == 0)
        {
            return;
        }
        var table = session.DocumentStore.Options.Schema.For<ProcessedCommand>();
        var ids = processed.Select(p => p.Id).ToArray();
        var serializer = session.DocumentStore.Options.Serializer();
        var data = processed.Select(p => serializer.ToJson(p)).ToArray();
        var versions = processed.Select(_ => Guid.CreateVersion7()).ToArray();
        session.QueueSqlCommand(
            $"insert into {table} (id, data, mt_version, mt_dotnet_type, mt_last_modified) " +
            "select id, data, version, ?, transaction_timestamp() from unnest(?, ?::jsonb[], ?) as rows(id, data, version)",
            typeof(ProcessedCommand).FullName!, ids, data, versions);
    }
}
