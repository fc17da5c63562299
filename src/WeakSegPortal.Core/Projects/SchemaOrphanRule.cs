namespace WeakSegPortal.Core.Projects;

/// <summary>
/// A schema change may not orphan labels: a class that has labels cannot be deleted, nor can an annotation kind in
/// use be disallowed. Errors are keyed by the form field they belong beside; the whole change is refused.
/// </summary>
public static class SchemaOrphanRule
{
    /// <summary>Whether <paramref name="changes"/> retire a class or disallow a kind, the only changes that need the labels counted.</summary>
    public static bool NeedsLabels(Project current, IEnumerable<object> changes)
    {
        ArgumentNullException.ThrowIfNull(current);
        return changes.Any(c => c is LabelClassRetired
            || (c is AllowedAnnotationKindsChanged k && current.AllowedKinds.Except(k.AllowedKinds).Any()));
    }

    public static Dictionary<string, string> Check(Project current, IEnumerable<object> changes, LabelsInUse labels)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(labels);
        var errors = new Dictionary<string, string>();
        var retired = new List<string>();
        var disallowed = new List<string>();
        foreach (var change in changes)
        {
            if (change is LabelClassRetired r && labels.ByClass.TryGetValue(r.ClassId, out var count) && count > 0)
            {
                var name = current.Classes.Find(c => c.Id == r.ClassId)?.Name ?? $"#{r.ClassId}";
                retired.Add($"\"{name}\" has {Labels(count)}");
            }
            if (change is AllowedAnnotationKindsChanged k)
            {
                foreach (var kind in current.AllowedKinds.Except(k.AllowedKinds))
                {
                    if (labels.ByKind.TryGetValue(kind, out var used) && used > 0)
                    {
                        disallowed.Add($"{kind} ({Labels(used)})");
                    }
                }
            }
        }
        if (retired.Count > 0)
        {
            errors[nameof(ProjectDraft.Classes)] =
                $"A class with labels cannot be deleted: {string.Join("; ", retired)}. Rename it instead, or delete its labels first. Nothing was changed.";
        }
        if (disallowed.Count > 0)
        {
            errors[nameof(ProjectDraft.AllowedKinds)] =
                $"An annotation type in use cannot be disallowed: {string.Join(", ", disallowed)}. Nothing was changed.";
        }
        return errors;
    }

    private static string Labels(int count) => count == 1 ? "1 label" : $"{count:N0} labels";
}
