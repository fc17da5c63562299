namespace WeakSegPortal.Core.Qa;

/// <summary>Where an item stands at the QA desk.</summary>
public static class QaStatus
{
    public const string Open = "open";
    public const string Adjudicated = "adjudicated";
    public const string Returned = "returned";
}
