using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeakSegPortal.Core.Labels;

/// <summary>
/// The weak-label exchange file (docs/weak-label-format.md): a project's classes and, per item, its geometry and every
/// annotator's labels with who, when and provenance, in voxel index space (authoritative) and world coordinates (LPS mm,
/// for other tools). The portal's export writes it, the portal's label import and <c>weakseg agreement</c> read it.
/// </summary>
public sealed record WeakLabelFile(
    string Schema,
    Guid? ProjectId,
    string? ProjectName,
    DateTimeOffset? ExportedAt,
    IReadOnlyList<ExchangeClass> Classes,
    IReadOnlyList<ExchangeItem> Items)
{
    /// <summary>The schema name and version this code writes and reads.</summary>
    public const string SchemaName = "weakseg.weak-labels/1";

    /// <summary>The class id that means background (never scored as a class of its own).</summary>
    public int BackgroundClassId { get; init; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<WeakLabelFile> ReadAsync(Stream json, CancellationToken ct)
    {
        var file = await JsonSerializer.DeserializeAsync<WeakLabelFile>(json, Json, ct)
            ?? throw new InvalidDataException("The label file is empty.");
        return file.Schema == SchemaName
            ? file
            : throw new InvalidDataException($"The label file's schema is \"{file.Schema}\"; this version reads \"{SchemaName}\".");
    }

    public Task WriteAsync(Stream destination, CancellationToken ct) => JsonSerializer.SerializeAsync(destination, this, Json, ct);
}
