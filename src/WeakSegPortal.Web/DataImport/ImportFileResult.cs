namespace WeakSegPortal.Web.DataImport;

/// <summary>One file of an import as the page and the API report it.</summary>
/// <param name="ItemId">The item the file became part of; null when refused.</param>
public sealed record ImportFileResult(string File, bool Accepted, Guid? ItemId, string? ItemName, string Message);
