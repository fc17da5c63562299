using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Tests.Account;

public sealed class UserSearchTests
{
    private static readonly UserAccount[] Users =
    [
        new() { UserName = "ann1", DisplayName = "Ann One", Roles = [Roles.Annotator] },
        new() { UserName = "qa", DisplayName = "Quinn Lead", Roles = [Roles.QaLead] },
        new() { UserName = "admin", DisplayName = "Ada Admin", Roles = [Roles.Admin, Roles.ProjectManager] },
    ];

    private static string[] Found(string? query) => [.. UserSearch.Filter(Users, query).Select(u => u.UserName)];

    [Fact]
    public void An_empty_query_shows_everyone() => Assert.Equal(["ann1", "qa", "admin"], Found("  "));

    [Fact]
    public void A_user_is_found_by_any_part_of_user_name_or_display_name_in_any_case()
    {
        Assert.Equal(["ann1"], Found("ANN"));
        Assert.Equal(["qa"], Found("quinn"));
    }

    [Fact]
    public void A_user_is_found_by_a_role_and_every_word_must_match()
    {
        Assert.Equal(["ann1"], Found("annotator"));
        Assert.Equal(["admin"], Found("ada manager"));
        Assert.Empty(Found("ann lead"));
    }
}
