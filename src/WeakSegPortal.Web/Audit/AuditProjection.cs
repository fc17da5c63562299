using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Web.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every administrative event (<see cref="IAdministrativeEvent"/>). Inline: the
/// audit shows a change in the request after it was saved, and administrative changes are few.
/// </summary>
public sealed partial class AuditProjection : EventProjection
{
    private const int MaxDetails = 400;
    private static readonly string[] Columns = ["By", "At", "ProjectId"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public AuditProjection(IEnumerable<Type> administrativeTypes)
    {
        ArgumentNullException.ThrowIfNull(administrativeTypes);
        foreach (var type in administrativeTypes)
        {
            IncludeType(type);
        }
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Data is IAdministrativeEvent change)
        {
            operations.Store(new AuditEntry
            {
                Id = e.Id,
                At = change.At,
                By = change.By,
                ProjectId = (e.Data as IProjectScoped)?.ProjectId,
                Kind = e.Data.GetType().Name,
                What = AuditCatalog.Describe(e.Data.GetType()),
                Details = DetailsOf(e.Data),
            });
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>"Name: Liver study; Classes: …": the event's fields but who, when and the project.</summary>
    public static string DetailsOf(object data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var element = JsonSerializer.SerializeToElement(data, data.GetType(), Json);
        var parts = element.EnumerateObject()
            .Where(p => !Columns.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .Select(p => $"{char.ToUpperInvariant(p.Name[0])}{p.Name[1..]}: {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}");
        var text = string.Join("; ", parts);
        return text.Length <= MaxDetails ? text : text[..(MaxDetails - 1)] + "…";
    }
}
