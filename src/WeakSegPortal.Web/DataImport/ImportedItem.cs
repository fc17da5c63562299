namespace WeakSegPortal.Web.DataImport;

/// <summary>An item created by an import (an answer to managers: <paramref name="Name"/> is the source's, <paramref name="Pseudonym"/> what the team sees).</summary>
public sealed record ImportedItem(Guid ItemId, string Name, string Modality, int[] Dims, double[] Spacing, int Files, IReadOnlyList<string> Warnings, string Pseudonym = "");
