namespace WeakSegPortal.Core;

/// <summary>The outcome of a command: the id it touched, or the reasons it was refused, keyed by field.</summary>
public sealed record CommandResult(Guid Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static CommandResult Ok(Guid id) => new(id, new Dictionary<string, string>());

    public static CommandResult Refused(IReadOnlyDictionary<string, string> errors) => new(Guid.Empty, errors);

    public static CommandResult Refused(string field, string message) =>
        new(Guid.Empty, new Dictionary<string, string> { [field] = message });
}
