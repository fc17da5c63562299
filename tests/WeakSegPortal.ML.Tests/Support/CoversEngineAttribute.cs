namespace WeakSegPortal.ML.Tests.Support;

/// <summary>Marks a test class as the test suite of one engine kind; the registry coverage test reads these.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class CoversEngineAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
