namespace WeakSegPortal.Core.Projects;

/// <summary>Works out which events turn a project's current settings into those of a draft.</summary>
internal static class ProjectChanges
{
    public static List<object> Between(Project current, ProjectDraft draft, Guid by, DateTimeOffset at, out Dictionary<string, string> errors)
    {
        errors = [];
        var id = current.Id;
        var changes = new List<object>();
        var name = draft.Name.Trim();
        if (name != current.Name)
        {
            changes.Add(new ProjectRenamed(id, name, by, at));
        }
        var description = draft.Description.Trim();
        if (description != current.Description)
        {
            changes.Add(new ProjectDescribed(id, description, by, at));
        }
        if (draft.Modality != current.Modality)
        {
            changes.Add(new ProjectModalityChanged(id, draft.Modality, by, at));
        }
        AddClassChanges(current, draft, by, at, changes, errors);
        var kinds = draft.AllowedKinds.Order().ToList();
        if (!kinds.SequenceEqual(current.AllowedKinds.Order()))
        {
            changes.Add(new AllowedAnnotationKindsChanged(id, kinds, by, at));
        }
        if (draft.AnnotatorsPerItem != current.AnnotatorsPerItem || Math.Abs(draft.GoldRate - current.GoldRate) > 1e-12)
        {
            changes.Add(new AssignmentRulesChanged(id, draft.AnnotatorsPerItem, draft.GoldRate, by, at));
        }
        if (draft.SuggestionEngine != current.SuggestionEngine)
        {
            changes.Add(new SuggestionEngineChosen(id, draft.SuggestionEngine, by, at));
        }
        if (draft.SamplingStrategy != current.SamplingStrategy)
        {
            changes.Add(new SamplingStrategyChosen(id, draft.SamplingStrategy, by, at));
        }
        if (draft.AutoTrainAfterItems != current.AutoTrainAfterItems)
        {
            changes.Add(new AutoTrainingChosen(id, draft.AutoTrainAfterItems, by, at));
        }
        if (Math.Abs(draft.RepeatShare - current.RepeatShare) > 1e-12)
        {
            changes.Add(new RepeatShareChosen(id, draft.RepeatShare, by, at));
        }
        if (draft.Guidelines != current.Guidelines)
        {
            changes.Add(new GuidelinesChanged(id, draft.Guidelines, by, at));
        }
        if (draft.Members is { } members)
        {
            changes.AddRange(OfTeam(current, members, by, at));
        }
        return changes;
    }

    /// <summary>One event per person added to or removed from a role in the team.</summary>
    public static List<object> OfTeam(Project current, IReadOnlySet<ProjectMember> wanted, Guid by, DateTimeOffset at)
    {
        var present = current.Members.ToHashSet();
        var events = new List<object>();
        events.AddRange(wanted.Except(present).Select(m => new ProjectMemberAdded(current.Id, m.UserId, m.Role, by, at)));
        events.AddRange(present.Except(wanted).Select(m => new ProjectMemberRemoved(current.Id, m.UserId, m.Role, by, at)));
        return events;
    }

    private static void AddClassChanges(Project current, ProjectDraft draft, Guid by, DateTimeOffset at, List<object> changes, Dictionary<string, string> errors)
    {
        var nextId = current.HighestClassId;
        var kept = new HashSet<int>();
        for (var i = 0; i < draft.Classes.Count; i++)
        {
            var row = draft.Classes[i];
            var wanted = new LabelClass(row.Id ?? ++nextId, row.Name.Trim(), row.Colour.ToLowerInvariant());
            if (row.Id is null)
            {
                changes.Add(new LabelClassAdded(current.Id, wanted, by, at));
                continue;
            }
            var existing = current.Classes.Find(c => c.Id == row.Id);
            if (existing is null)
            {
                errors[ProjectDraftValidator.ClassNameKey(i)] = "This class was retired meanwhile; add it as a new class.";
                continue;
            }
            kept.Add(existing.Id);
            if (existing != wanted)
            {
                changes.Add(new LabelClassChanged(current.Id, wanted, by, at));
            }
        }
        foreach (var retired in current.Classes.Where(c => !kept.Contains(c.Id)))
        {
            changes.Add(new LabelClassRetired(current.Id, retired.Id, by, at));
        }
    }
}
