namespace WeakSegPortal.Web.DataImport;

/// <summary>An item created by an import.</summary>
public sealed record ImportedItem(Guid ItemId, string Name, string Modality, int[] Dims, double[] Spacing, int Files, IReadOnlyList<string> Warnings);
