using Marten;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Qa;

/// <summary>Display names of people by id, for QA pages (QA leads see who labelled what; annotators never do).</summary>
public static class People
{
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return new Dictionary<Guid, string>();
        }
        var users = await session.LoadManyAsync<UserAccount>(ct, wanted);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName : u.DisplayName);
    }

    public static string Of(IReadOnlyDictionary<Guid, string> names, Guid id) =>
        names.TryGetValue(id, out var name) ? name : id.ToString()[..8];
}
