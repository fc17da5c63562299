using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Core.Items;

/// <summary>One file of an import and what became of it.</summary>
/// <param name="ItemId">The item it became part of; null when it was refused or a duplicate.</param>
public sealed record ImportedFile(string FileName, Guid? ItemId, string Outcome);

/// <summary>An import finished: what came in, what was refused and why. One stream per import.</summary>
public sealed record ImportRecorded(
    Guid ImportId,
    Guid ProjectId,
    IReadOnlyList<ImportedFile> Accepted,
    IReadOnlyList<ImportedFile> Refused,
    Guid By,
    DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;
