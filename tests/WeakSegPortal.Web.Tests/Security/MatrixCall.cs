namespace WeakSegPortal.Web.Tests.Security;

/// <summary>One call of the matrix and its answer; Error: neither served nor refused (a 500, an odd redirect), wrong whatever was expected.</summary>
public sealed record MatrixCall(string Key, Caller Caller, Target Target, Expect Expected, string Outcome, bool Served, string Body, bool Error = false);
