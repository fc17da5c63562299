namespace WeakSegPortal.Web.Exports;

/// <summary>The body of <c>POST /api/projects/{id}/exports</c>: the formats (docs/export-formats.md) and the filter.</summary>
public sealed record ExportRequestBody(IReadOnlyList<string>? Formats, bool SubmittedOnly = false, bool GoldOnly = false);
