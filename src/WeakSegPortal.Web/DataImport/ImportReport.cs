namespace WeakSegPortal.Web.DataImport;

/// <summary>The answer to an import: the items created and every file's outcome.</summary>
public sealed record ImportReport(Guid ImportId, Guid ProjectId, IReadOnlyList<ImportedItem> Items, IReadOnlyList<ImportFileResult> Files)
{
    public int AcceptedFiles => Files.Count(f => f.Accepted);
    public int RefusedFiles => Files.Count(f => !f.Accepted);
}
