namespace WeakSegPortal.Web.DataImport;

/// <summary>A file that did not become part of an item, and why (said to the person who sent it).</summary>
public sealed record RefusedFile(string File, string Reason);
