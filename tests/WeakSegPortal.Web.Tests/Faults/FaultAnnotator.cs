namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>One simulated annotator: who signs in, and the item they were given.</summary>
public sealed record FaultAnnotator(string UserName, string Password, Guid UserId, Guid ItemId);
