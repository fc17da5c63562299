using System.Text;
using Marten;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Items;

/// <summary>
/// The name annotators and QA leads see for an item: the project's short name and a number ("LIVE-0007"), never the
/// source's file name, patient or date. Given once at registration and kept, also when the project is renamed.
/// </summary>
public static class ItemPseudonym
{
    /// <summary>Up to four letters or digits: the initials of a name of several words, else its first four.</summary>
    public static string ShortName(string projectName)
    {
        ArgumentNullException.ThrowIfNull(projectName);
        var words = projectName.Split([' ', '-', '_', '.', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)])).Where(w => w.Length > 0).ToList();
        var letters = new StringBuilder();
        if (words.Count > 1)
        {
            foreach (var word in words.Take(4))
            {
                letters.Append(word[0]);
            }
        }
        else if (words.Count == 1)
        {
            letters.Append(words[0].AsSpan(0, Math.Min(4, words[0].Length)));
        }
        return letters.Length == 0 ? "ITEM" : letters.ToString().ToUpperInvariant();
    }

    public static string Of(string projectName, int number) => $"{ShortName(projectName)}-{number:0000}";

    /// <summary>The number the next item of the project takes (items are counted, so numbers run 1, 2, … per project).</summary>
    public static async Task<int> NextNumberAsync(IQuerySession session, Guid projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Query<ItemView>().CountAsync(i => i.ProjectId == projectId, ct) + 1;
    }

    /// <summary>The pseudonym of the next item of <paramref name="project"/>, <paramref name="offset"/> items after the next free number.</summary>
    public static async Task<string> NextAsync(IQuerySession session, ProjectSummary project, int offset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Of(project.Name, await NextNumberAsync(session, project.Id, ct) + offset);
    }
}
