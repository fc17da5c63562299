namespace WeakSegPortal.Web.Account;

/// <summary>The users page's search: a user matches when each word of the query is in their user name, display name or a role.</summary>
public static class UserSearch
{
    public static IEnumerable<UserAccount> Filter(IEnumerable<UserAccount> users, string? query)
    {
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 ? users : users.Where(u => words.All(w => Matches(u, w)));
    }

    private static bool Matches(UserAccount user, string word) =>
        user.UserName.Contains(word, StringComparison.OrdinalIgnoreCase)
        || user.DisplayName.Contains(word, StringComparison.OrdinalIgnoreCase)
        || user.Roles.Exists(r => r.Contains(word, StringComparison.OrdinalIgnoreCase) || Roles.DisplayName(r).Contains(word, StringComparison.OrdinalIgnoreCase));
}
