using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Reads a command of the wire protocol (docs/annotation-protocol.md) from the JSON the browser sent.
/// A command whose id can be read but whose body cannot is refused finally with the field at fault,
/// since it can never be stored; one without a readable command id cannot be answered per command,
/// so the call fails with a reason. Absent or null numbers read as 0 (a delete has no class).
/// </summary>
public static class AnnotationCommandReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new NullAsZeroInt32(), new NullAsZeroInt64() },
    };

    /// <summary>The command, or the final refusal to answer it with.</summary>
    public static (AnnotationCommand? Command, AnnotationAck? Refusal) Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new HubException("A command must be a JSON object (docs/annotation-protocol.md).");
        }
        if (!TryCommandId(json, out var commandId))
        {
            throw new HubException("A command needs a commandId (a UUID); nothing was stored.");
        }
        try
        {
            var command = json.Deserialize<AnnotationCommand>(Options);
            return command is null || command.ItemId == Guid.Empty || string.IsNullOrEmpty(command.Kind)
                ? (null, AnnotationAck.Refused(commandId, "The command needs an itemId and a kind."))
                : (command, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "the command" : e.Path.TrimStart('$', '.');
            return (null, AnnotationAck.Refused(commandId, $"The command could not be read: {field} has a value of the wrong type."));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return (null, AnnotationAck.Refused(commandId, "The command could not be read: a value has the wrong type."));
        }
    }

    private static bool TryCommandId(JsonElement json, out Guid commandId)
    {
        commandId = Guid.Empty;
        foreach (var property in json.EnumerateObject())
        {
            if (property.NameEquals("commandId") || string.Equals(property.Name, "commandId", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.String && property.Value.TryGetGuid(out commandId) && commandId != Guid.Empty;
            }
        }
        return false;
    }

    private sealed class NullAsZeroInt32 : JsonConverter<int>
    {
        public override bool HandleNull => true;

        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? 0 : reader.GetInt32();

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class NullAsZeroInt64 : JsonConverter<long>
    {
        public override bool HandleNull => true;

        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? 0 : reader.GetInt64();

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }
}
