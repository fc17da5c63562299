using Npgsql;
using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// Reads what the event store really holds for the simulated annotators, straight from Marten's
/// events table with Npgsql (no portal code between): every event of their label streams.
/// </summary>
public static class EventStoreLedger
{
    public static async Task<IReadOnlyList<StoredCommand>> ReadAsync(string connectionString, string schema, IEnumerable<FaultAnnotator> annotators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        var streams = annotators.Select(a => AnnotationStreams.For(a.ItemId, a.UserId)).ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select stream_id, version, type, data ->> 'CommandId', data ->> 'AnnotationId', data ->> 'ActiveMs' from {schema}.mt_events " +
            "where stream_id = any(@streams) order by stream_id, version", connection);
        command.Parameters.AddWithValue("streams", streams);
        var stored = new List<StoredCommand>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored.Add(new StoredCommand(
                reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2),
                Guid.Parse(reader.GetString(3)), Guid.Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : long.Parse(reader.GetString(5), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return stored;
    }
}
