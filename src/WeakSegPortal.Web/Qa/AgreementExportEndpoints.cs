using System.Security.Claims;
using System.Text;
using Marten;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// The agreement report of a project as CSV and JSON: for accounts with the QA-lead or a manager
/// role (others are refused before anything is read), and of those QA leads see their projects only.
/// </summary>
public static class AgreementExportEndpoints
{
    public static IEndpointRouteBuilder MapAgreementExports(this IEndpointRouteBuilder routes)
    {
        var app = routes.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.QaLead, Roles.ProjectManager, Roles.Admin));
        app.MapGet("/api/projects/{id:guid}/agreement.csv", async (Guid id, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var (report, refusal) = await LoadAsync(id, user, session, clock, ct);
            return report is null
                ? refusal!
                : Results.File(Encoding.UTF8.GetBytes(AgreementCsv.Write(report.Items)), "text/csv; charset=utf-8", $"agreement-{id:N}.csv");
        });
        app.MapGet("/api/projects/{id:guid}/agreement.json", async (Guid id, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var (report, refusal) = await LoadAsync(id, user, session, clock, ct);
            return report is null ? refusal! : Results.Json(report);
        });
        return routes;
    }

    private static async Task<(AgreementReport? Report, IResult? Refusal)> LoadAsync(Guid id, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var project = await session.LoadAsync<ProjectSummary>(id, ct);
        var isManager = user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin);
        // Another project's id is answered as an unknown one; only its own team learns that the export needs a role.
        if (project is null || !ProjectAccess.CanSee(project, user.UserId(), isManager))
        {
            return (null, Results.Problem("No such project.", statusCode: StatusCodes.Status404NotFound));
        }
        if (!QaAccess.CanReview(project, user.UserId(), isManager))
        {
            return (null, Results.Problem("Agreement exports are for the project's QA leads and managers.", statusCode: StatusCodes.Status403Forbidden));
        }
        var items = await AgreementQueries.ItemsAsync(session, [id], ct);
        var annotators = await AgreementQueries.ScorecardsAsync(session, [id], ct);
        return (new AgreementReport(project.Id, project.Name, clock.GetUtcNow(), items, annotators), null);
    }
}
