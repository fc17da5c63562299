using System.Text.RegularExpressions;
using WeakSegPortal.Core.Items.Sampling;

namespace WeakSegPortal.Core.Projects;

/// <summary>Checks a <see cref="ProjectDraft"/>; errors are keyed by the field they belong beside.</summary>
public static partial class ProjectDraftValidator
{
    public const int MaxNameLength = 120;
    public const int MaxClasses = 64;
    /// <summary>At most half of an annotator's items come back: repeats cost labelling time that adds no coverage.</summary>
    public const double MaxRepeatShare = 0.5;

    public static Dictionary<string, string> Validate(ProjectDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string>();
        var name = draft.Name.Trim();
        if (name.Length == 0)
        {
            errors[nameof(ProjectDraft.Name)] = "Give the project a name.";
        }
        else if (name.Length > MaxNameLength)
        {
            errors[nameof(ProjectDraft.Name)] = $"Keep the name under {MaxNameLength} characters.";
        }
        ValidateClasses(draft.Classes, errors);
        if (draft.AllowedKinds.Count == 0)
        {
            errors[nameof(ProjectDraft.AllowedKinds)] = "Allow at least one annotation type.";
        }
        if (draft.AnnotatorsPerItem is < 1 or > 20)
        {
            errors[nameof(ProjectDraft.AnnotatorsPerItem)] = "Annotators per item must be between 1 and 20.";
        }
        if (draft.GoldRate is < 0 or > 0.5 || double.IsNaN(draft.GoldRate))
        {
            errors[nameof(ProjectDraft.GoldRate)] = "Gold rate must be between 0 and 0.5.";
        }
        if (!SuggestionEngineNames.IsChoosable(draft.SuggestionEngine))
        {
            errors[nameof(ProjectDraft.SuggestionEngine)] = SuggestionEngineNames.ChoiceError;
        }
        if (!SamplingStrategies.IsKnown(draft.SamplingStrategy))
        {
            errors[nameof(ProjectDraft.SamplingStrategy)] = SamplingStrategies.ChoiceError;
        }
        if (draft.AutoTrainAfterItems is < 0 or > Training.AutoTraining.MaxAfterItems)
        {
            errors[nameof(ProjectDraft.AutoTrainAfterItems)] = $"Train after 0 (never) to {Training.AutoTraining.MaxAfterItems:N0} newly submitted items.";
        }
        if (draft.RepeatShare is < 0 or > MaxRepeatShare || double.IsNaN(draft.RepeatShare))
        {
            errors[nameof(ProjectDraft.RepeatShare)] = $"The repeat share must be between 0 (never) and {MaxRepeatShare}.";
        }
        if (draft.Members is { } members && TeamError(members) is { } teamError)
        {
            errors[nameof(ProjectDraft.Members)] = teamError;
        }
        return errors;
    }

    /// <summary>Blinding: a QA lead sees every annotator's labels, so nobody reviews a project they annotate.</summary>
    public static string? TeamError(IEnumerable<ProjectMember> members) =>
        members.GroupBy(m => m.UserId).Any(g => g.Select(m => m.Role).Distinct().Count() > 1)
            ? "A person cannot be both annotator and QA lead of one project: the QA lead sees every annotator's labels."
            : null;

    public static string ClassNameKey(int index) => $"Classes[{index}].Name";

    public static string ClassColourKey(int index) => $"Classes[{index}].Colour";

    private static void ValidateClasses(List<LabelClassDraft> classes, Dictionary<string, string> errors)
    {
        if (classes.Count == 0)
        {
            errors[nameof(ProjectDraft.Classes)] = "Add at least one label class.";
            return;
        }
        if (classes.Count > MaxClasses)
        {
            errors[nameof(ProjectDraft.Classes)] = $"A project holds at most {MaxClasses} classes.";
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < classes.Count; i++)
        {
            var className = classes[i].Name.Trim();
            if (className.Length == 0)
            {
                errors[ClassNameKey(i)] = "Name the class.";
            }
            else if (string.Equals(className, "background", StringComparison.OrdinalIgnoreCase))
            {
                errors[ClassNameKey(i)] = "Background is built in; name the class after a structure.";
            }
            else if (!seen.Add(className))
            {
                errors[ClassNameKey(i)] = $"Duplicate class \"{className}\".";
            }
            if (!HexColour().IsMatch(classes[i].Colour))
            {
                errors[ClassColourKey(i)] = "Use a colour like #1f77b4.";
            }
        }
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
