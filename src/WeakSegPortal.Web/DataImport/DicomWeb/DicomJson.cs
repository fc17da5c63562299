using System.Text.Json;

namespace WeakSegPortal.Web.DataImport.DicomWeb;

/// <summary>Reads values out of the DICOM JSON model (PS3.18 F.2): {"0020000D": {"vr": "UI", "Value": [...]}}.</summary>
internal static class DicomJson
{
    public static string Text(JsonElement dataset, string tag)
    {
        if (!dataset.TryGetProperty(tag, out var element) || !element.TryGetProperty("Value", out var values) || values.GetArrayLength() == 0)
        {
            return "";
        }
        var first = values[0];
        return first.ValueKind switch
        {
            JsonValueKind.String => first.GetString() ?? "",
            JsonValueKind.Number => first.GetRawText(),
            // Person names come as {"Alphabetic": "DOE^JOHN"}.
            JsonValueKind.Object when first.TryGetProperty("Alphabetic", out var alphabetic) => alphabetic.GetString() ?? "",
            _ => "",
        };
    }

    public static IReadOnlyList<string> Texts(JsonElement dataset, string tag) =>
        dataset.TryGetProperty(tag, out var element) && element.TryGetProperty("Value", out var values)
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString() ?? "")]
            : [];

    public static int Number(JsonElement dataset, string tag) =>
        int.TryParse(Text(dataset, tag), out var n) ? n : 0;
}
