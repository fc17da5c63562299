using Microsoft.Playwright;
using WeakSegPortal.Web.Seeding;

namespace WeakSegPortal.E2E;

/// <summary>The project manager's edit page: one form saves settings and team, leaving unsaved work asks first, and the list explains itself.</summary>
public sealed class ProjectEditorTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Demo = "Demo: abdominal CT (synthetic)";

    private async Task<IPage> SignedInAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        await page.SignInAsync(portal.BaseAddress, account.UserName, account.Password);
        return page;
    }

    private static ILocator Box(IPage page, string label) => page.GetByRole(AriaRole.Checkbox, new() { Name = label, Exact = true });

    [Fact]
    public async Task A_new_project_opens_at_its_team_and_one_save_keeps_every_team_change()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "pm");
        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects/new").ToString());
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Project name").FillAsync("Team changes (browser test)");
        await page.GetByLabel("Class 1 name").FillAsync("Organ");
        await page.GetByText("Bounding boxes").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Bounding boxes")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();

        // The new project opens at its next steps: the team below, then the import.
        await page.ShouldBeAtAsync(@"/edit\?created=true$", 60_000);
        var steps = page.Locator("[data-testid=next-steps]");
        await Assertions.Expect(steps).ToContainTextAsync("Choose its team");
        await Assertions.Expect(steps.GetByRole(AriaRole.Link, new() { Name = "Import its images" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Project team")).ToBeVisibleAsync();
        // No annotators yet and 3 per item: the consequence is spelled out.
        await Assertions.Expect(page.Locator("[data-testid=team-size-warning]")).ToContainTextAsync("no item can ever reach 3 annotations");
        await page.SnapshotAsync("project-created-next-steps");

        await Box(page, "ann1 annotates").ClickAsync();
        await Box(page, "ann2 annotates").ClickAsync();
        await Box(page, "qa reviews").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=team-size-warning]")).ToContainTextAsync("the team has 2 annotators");
        await page.GetByLabel("Annotators per item").FillAsync("2");
        await page.GetByLabel("Annotators per item").BlurAsync();
        await Assertions.Expect(page.Locator("[data-testid=team-size-warning]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=unsaved]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Changes saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=unsaved]")).ToHaveCountAsync(0);

        await page.ShouldBeAtAsync("/edit$");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=next-steps]")).ToHaveCountAsync(0);
        await Assertions.Expect(Box(page, "ann1 annotates")).ToBeCheckedAsync();
        await Assertions.Expect(Box(page, "ann2 annotates")).ToBeCheckedAsync();
        await Assertions.Expect(Box(page, "qa reviews")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Annotators per item")).ToHaveValueAsync("2");

        // The reported loss: untick "qa reviews", change a setting, press the one save.
        await Box(page, "qa reviews").ClickAsync();
        await page.GetByLabel("Description").FillAsync("second pass");
        await Assertions.Expect(Box(page, "qa reviews")).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Changes saved.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(Box(page, "qa reviews")).Not.ToBeCheckedAsync();
        await Assertions.Expect(Box(page, "ann1 annotates")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Description")).ToHaveValueAsync("second pass");
        await page.SnapshotAsync("project-team-saved");
    }

    /// <summary>Picks an engine in the project form's select (a MudSelect: open it, click the option).</summary>
    private static async Task ChooseEngineAsync(IPage page, string option)
    {
        await page.GetByTestId("suggestion-engine").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Changes saved.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_project_s_suggestion_engine_is_chosen_in_the_form_and_stays_chosen_after_each_reload()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "pm");
        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects/new").ToString());
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Project name").FillAsync("Engine choice (browser test)");
        await page.GetByLabel("Class 1 name").FillAsync("Organ");
        await page.GetByText("Suggested masks").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Suggested masks")).ToBeCheckedAsync();
        var engine = page.Locator("#project-suggestion-engine");
        await Assertions.Expect(engine).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Auto"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.ShouldBeAtAsync(@"/edit\?created=true$", 60_000);
        await page.WaitForInteractiveAsync();
        // The same page instance now loads the created project: wait for its next-steps banner before editing.
        await Assertions.Expect(page.GetByText("Project created.", new() { Exact = true })).ToBeVisibleAsync();

        await ChooseEngineAsync(page, "grabcut-box (GrabCut from a box)");
        // Saving drops "?created=true" in place (history.replaceState): poll the address rather than await a navigation event.
        await page.ShouldBeAtAsync("/edit$");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(engine).ToHaveValueAsync("grabcut-box (GrabCut from a box)");
        await Assertions.Expect(page.GetByLabel("Suggested masks")).ToBeCheckedAsync();
        await page.SnapshotAsync("project-suggestion-engine");

        await ChooseEngineAsync(page, "grabcut-seeded (GrabCut seeded by clicks and scribbles)");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(engine).ToHaveValueAsync("grabcut-seeded (GrabCut seeded by clicks and scribbles)");
    }

    [Fact]
    public async Task The_next_item_strategy_is_chosen_in_the_form_and_stays_chosen_after_each_reload()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "pm");
        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects/new").ToString());
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Project name").FillAsync("Sampling choice (browser test)");
        await page.GetByLabel("Class 1 name").FillAsync("Organ");
        await page.GetByText("Bounding boxes").ClickAsync();
        var strategy = page.Locator("#project-sampling-strategy");
        await Assertions.Expect(strategy).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Sequential"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.ShouldBeAtAsync(@"/edit\?created=true$", 60_000);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByText("Project created.", new() { Exact = true })).ToBeVisibleAsync();

        await ChooseOptionAsync(page, "sampling-strategy", "Random: a random item among the least-covered ones");
        await page.ShouldBeAtAsync("/edit$");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(strategy).ToHaveValueAsync("Random: a random item among the least-covered ones");
        await page.SnapshotAsync("project-sampling-strategy");

        await ChooseOptionAsync(page, "sampling-strategy", new System.Text.RegularExpressions.Regex("^Most informative"));
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(strategy).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Most informative: the promoted model"));
    }

    /// <summary>Picks an option of one of the form's selects (by its test id), saves, and waits for the confirmation.</summary>
    private static async Task ChooseOptionAsync(IPage page, string testId, object option)
    {
        await page.GetByTestId(testId).ClickAsync();
        var options = option is string name ? new PageGetByRoleOptions { Name = name } : new PageGetByRoleOptions { NameRegex = (System.Text.RegularExpressions.Regex)option };
        await page.GetByRole(AriaRole.Option, options).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Changes saved.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_in_the_app_and_on_unload()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "pm");
        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects").ToString());
        await page.WaitForInteractiveAsync();
        // Project names are links to the project.
        await page.GetByRole(AriaRole.Link, new() { Name = Demo, Exact = true }).ClickAsync();
        await page.ShouldBeAtAsync("/edit$");
        await page.WaitForInteractiveAsync();
        var description = page.GetByLabel("Description");
        var before = await description.InputValueAsync();
        await description.FillAsync("an edit nobody saved");
        await Assertions.Expect(page.Locator("[data-testid=unsaved]")).ToBeVisibleAsync();

        var projects = page.GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true });
        await projects.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Leave without saving?");
        await page.SnapshotAsync("project-leave-unsaved");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        Assert.EndsWith("/edit", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(description).ToHaveValueAsync("an edit nobody saved");

        // Browser unload (reload, close, typed address) asks through the browser's own prompt.
        string? prompted = null;
        page.Dialog += async (_, d) =>
        {
            prompted = d.Type;
            await d.AcceptAsync();
        };
        await page.ReloadAsync();
        Assert.Equal("beforeunload", prompted);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("Description")).ToHaveValueAsync(before);

        // Nothing unsaved now: leaving goes straight through.
        prompted = null;
        await page.GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).ClickAsync();
        await page.ShouldBeAtAsync("/projects$");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Null(prompted);

        // In-app: leaving after an edit and confirming loses the edit, as the dialog said.
        await page.GetByRole(AriaRole.Link, new() { Name = Demo, Exact = true }).ClickAsync();
        await page.ShouldBeAtAsync("/edit$");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Description").FillAsync("left on purpose");
        await page.GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Leave without saving" }).ClickAsync();
        await page.ShouldBeAtAsync("/projects$");
        await page.GetByRole(AriaRole.Link, new() { Name = Demo, Exact = true }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("Description")).ToHaveValueAsync(before);
    }

    [Fact]
    public async Task The_project_list_shows_items_and_progress_and_its_icon_buttons_say_what_they_do()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await SignedInAsync(context, "pm");
        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects").ToString());
        await page.WaitForInteractiveAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Demo });
        await Assertions.Expect(row.Locator("[data-testid=item-count]")).ToHaveTextAsync("4");
        await Assertions.Expect(row.Locator("[data-testid=progress-text]")).ToHaveTextAsync("0 of 4 complete");
        await Assertions.Expect(row.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "0");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Edit {Demo}" }).HoverAsync();
        await Assertions.Expect(page.GetByText("Edit settings and team", new() { Exact = true })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = $"Import images into {Demo}" }).HoverAsync();
        await Assertions.Expect(page.GetByText("Import images", new() { Exact = true })).ToBeVisibleAsync();
        await page.SnapshotAsync("project-list-progress");
    }
}
