using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Audit;

namespace WeakSegPortal.Web.Components.Pages.Admin;

/// <summary>The audit page: administrative changes from the events (<see cref="AuditEntry"/>), filtered by who, what, project and when, paged.</summary>
public sealed partial class AuditLog
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private bool _isAdmin;
    private AuditPage? _page;
    private IReadOnlyList<Type> _kinds = [];
    private IReadOnlyList<ProjectSummary> _projects = [];
    private Dictionary<Guid, string> _people = [];
    private Guid? _by;
    private string? _kind;
    private Guid? _project;
    private string? _from;
    private string? _to;
    private string? _dateError;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await AuthState).User.IsInRole(Roles.Admin);
        _kinds = AuditQueries.KindsFor(AuditedEventTypes.All, _isAdmin);
        await using var scope = Scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        _projects = await ProjectQueries.ListAsync(session, Leaving);
        var accounts = await session.Query<UserAccount>().ToListAsync(Leaving);
        _people = accounts.ToDictionary(a => a.Id, a => $"{a.DisplayName} ({a.UserName})");
        _people[Guid.Empty] = "the portal (seeding)";
        await GoAsync(1);
    }

    private Task ApplyAsync() => GoAsync(1);

    private async Task GoAsync(int page)
    {
        var from = Day(_from);
        var to = Day(_to);
        _dateError = (_from is { Length: > 0 } && from is null) || (_to is { Length: > 0 } && to is null) ? "Use a date (yyyy-mm-dd)." : null;
        var filter = new AuditFilter(_by, _kind, _project, from, to?.AddDays(1));
        await using var scope = Scopes.CreateAsyncScope();
        _page = await AuditQueries.PageAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), filter, _isAdmin, page, Leaving);
    }

    private string NameOf(Guid id) => _people.TryGetValue(id, out var name) ? name : id.ToString();

    private static DateTimeOffset? Day(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
            ? new DateTimeOffset(day, TimeSpan.Zero)
            : null;
}
