namespace WeakSegPortal.Web.Tests.Security;

/// <summary>Who calls: nobody, or a signed-in account holding one role, a member of the "own" project (managers of none).</summary>
public enum Caller
{
    Anonymous,
    Annotator,
    QaLead,
    Manager,
    Admin,
}

/// <summary>Whose ids the call carries: the caller's own project (its item, its example) or another project's.</summary>
public enum Target
{
    Own,
    Other,
}

/// <summary>
/// What a call must get. Allow: served. Refuse: 401/403/404 or a redirect to sign-in / access denied.
/// Blind: served or refused, but nothing of the other project (nor of other annotators) is in it —
/// a page refuses inside its body, and "my labels" of a foreign item is simply empty.
/// </summary>
public enum Expect
{
    Allow,
    Refuse,
    Blind,
}

/// <summary>Who may do what; each route and hub method in the matrix names one of these.</summary>
public enum Rule
{
    /// <summary>Everyone, signed in or not (sign-in page, health, error pages).</summary>
    Public,

    /// <summary>Any signed-in account.</summary>
    SignedIn,

    /// <summary>Annotators on their own project's items; nobody else.</summary>
    AnnotatorOfProject,

    /// <summary>The project's team (annotators and QA leads) and managers, for any project.</summary>
    TeamOrManager,

    /// <summary>QA leads of the project and managers, for any project.</summary>
    ReviewerOfProject,

    /// <summary>QA leads and managers; a page that lists only what the viewer may review.</summary>
    Reviewers,

    /// <summary>Project managers and admins.</summary>
    Managers,

    /// <summary>Admins only.</summary>
    Admins,

    /// <summary>Suggestion workers with their machine token; no person, whatever their role (a cookie is no worker credential).</summary>
    Workers,
}

/// <summary>The expected answer of every rule for every caller and target: the matrix itself.</summary>
public static class AuthorizationMatrix
{
    public static Expect For(Rule rule, Caller caller, Target target, bool page)
    {
        var otherTarget = page ? Expect.Blind : Expect.Refuse;
        if (rule == Rule.Public)
        {
            return Expect.Allow;
        }
        if (rule == Rule.Workers)
        {
            return Expect.Refuse;
        }
        if (caller == Caller.Anonymous)
        {
            return Expect.Refuse;
        }
        var manager = caller is Caller.Manager or Caller.Admin;
        return rule switch
        {
            Rule.SignedIn => Expect.Allow,
            Rule.AnnotatorOfProject => caller != Caller.Annotator ? Expect.Refuse : target == Target.Own ? Expect.Allow : otherTarget,
            Rule.TeamOrManager => manager || target == Target.Own ? Expect.Allow : otherTarget,
            Rule.ReviewerOfProject => caller == Caller.Annotator ? Expect.Refuse : manager || target == Target.Own ? Expect.Allow : otherTarget,
            Rule.Reviewers => caller == Caller.Annotator ? Expect.Refuse : Expect.Allow,
            Rule.Managers => manager ? Expect.Allow : Expect.Refuse,
            Rule.Admins => caller == Caller.Admin ? Expect.Allow : Expect.Refuse,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "A rule without an answer."),
        };
    }

    /// <summary>Every route of the portal ("METHOD pattern") and its rule. A route missing here fails the matrix test.</summary>
    public static readonly IReadOnlyDictionary<string, Rule> Routes = new Dictionary<string, Rule>
    {
        // Pages (Razor components).
        ["GET /"] = Rule.SignedIn,
        ["GET /login"] = Rule.Public,
        ["GET /access-denied"] = Rule.SignedIn,
        ["GET /error"] = Rule.Public,
        ["GET /annotate/{ProjectId:guid}"] = Rule.AnnotatorOfProject,
        ["GET /presence"] = Rule.Reviewers,
        ["GET /qa"] = Rule.Reviewers,
        ["GET /qa/annotators"] = Rule.Reviewers,
        ["GET /qa/items/{Id:guid}"] = Rule.ReviewerOfProject,
        ["GET /projects"] = Rule.Managers,
        ["GET /projects/new"] = Rule.Managers,
        ["GET /projects/{ProjectId:guid}/edit"] = Rule.Managers,
        ["GET /projects/{ProjectId:guid}/import"] = Rule.Managers,
        ["GET /projects/{ProjectId:guid}/training"] = Rule.Managers,
        ["GET /projects/{ProjectId:guid}/dashboard"] = Rule.Managers,
        ["GET /projects/{ProjectId:guid}/exports"] = Rule.Managers,
        ["GET /admin/users"] = Rule.Admins,
        ["GET /audit"] = Rule.Managers,
        ["GET /account/tokens"] = Rule.SignedIn,

        // The API.
        ["* /health"] = Rule.Public,
        ["GET /api/antiforgery"] = Rule.SignedIn,
        ["POST /account/login"] = Rule.Public,
        ["POST /account/logout"] = Rule.SignedIn,
        ["GET /api/items/{itemId:guid}"] = Rule.TeamOrManager,
        ["GET /api/items/{itemId:guid}/slices/{orientation}/{index:int}.raw"] = Rule.TeamOrManager,
        ["GET /api/items/{itemId:guid}/slices/{orientation}/{index:int}.png"] = Rule.TeamOrManager,
        ["GET /api/projects/{projectId:guid}/examples/{exampleId:guid}"] = Rule.TeamOrManager,
        ["GET /api/projects/{id:guid}/agreement.csv"] = Rule.ReviewerOfProject,
        ["GET /api/projects/{id:guid}/agreement.json"] = Rule.ReviewerOfProject,
        ["POST /api/projects/{projectId:guid}/imports"] = Rule.Managers,
        ["GET /api/worker/volumes/{contentHash}"] = Rule.Workers,
        ["POST /api/worker/blobs"] = Rule.Workers,
        ["GET /api/worker/blobs/{hash}"] = Rule.Workers,
        ["GET /api/worker/training/{jobId:guid}/dataset"] = Rule.Workers,
        ["GET /api/projects/{projectId:guid}/models/{versionId:guid}/{file}"] = Rule.Managers,
        ["POST /api/projects/{projectId:guid}/exports"] = Rule.Managers,
        ["GET /api/projects/{projectId:guid}/exports"] = Rule.Managers,
        ["POST /api/projects/{projectId:guid}/exports/{exportId:guid}/cancel"] = Rule.Managers,
        ["GET /api/projects/{projectId:guid}/exports/{exportId:guid}/download"] = Rule.Managers,
        ["POST /api/projects/{projectId:guid}/labels"] = Rule.Managers,
    };

    /// <summary>Every hub method and its rule. A method missing here fails the matrix test.</summary>
    public static readonly IReadOnlyDictionary<string, Rule> HubMethods = new Dictionary<string, Rule>
    {
        ["AnnotationHub.Submit"] = Rule.AnnotatorOfProject,
        ["AnnotationHub.SubmitMany"] = Rule.AnnotatorOfProject,
        ["AnnotationHub.GetMyAnnotations"] = Rule.AnnotatorOfProject,
        ["AnnotationHub.Focus"] = Rule.AnnotatorOfProject,
        ["AnnotationHub.Suggest"] = Rule.AnnotatorOfProject,
        ["AnnotationHub.Propagate"] = Rule.AnnotatorOfProject,
        ["AnnotationHub.GetSuggestionStatus"] = Rule.AnnotatorOfProject,
        ["AnnotationHub.ViewSlice"] = Rule.AnnotatorOfProject,
        ["WorkerHub.Announce"] = Rule.Workers,
        ["WorkerHub.ClaimTraining"] = Rule.Workers,
        ["WorkerHub.ReportTrainingEpoch"] = Rule.Workers,
        ["WorkerHub.RenewTrainingLease"] = Rule.Workers,
        ["WorkerHub.CompleteTraining"] = Rule.Workers,
        ["WorkerHub.FailTraining"] = Rule.Workers,
        ["AnnotationHub.RejectSuggestion"] = Rule.AnnotatorOfProject,
    };

    /// <summary>
    /// Routes that are not the portal's own API or pages, each with why it is outside the matrix:
    /// the hub transports (their methods are in <see cref="HubMethods"/>), Blazor's circuit transport
    /// (checked by its own authentication state) and framework assets.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Transports = new Dictionary<string, string>
    {
        ["/hubs/annotation"] = "hub transport; its methods are in HubMethods and it requires the Annotator role",
        ["/hubs/annotation/negotiate"] = "hub transport negotiation",
        ["/hubs/worker"] = "hub transport of suggestion workers; its methods are in HubMethods and it requires a worker token",
        ["/hubs/worker/negotiate"] = "worker hub negotiation",
        ["/_blazor"] = "Blazor circuit transport; pages are checked as routes",
        ["/_blazor/negotiate"] = "Blazor circuit negotiation",
        ["/_blazor/disconnect"] = "Blazor circuit disconnect beacon",
        ["/_blazor/initializers"] = "Blazor's list of JS initialisers (framework, public)",
        ["/{**path:file}"] = "the static-asset fallback for file paths (anonymous by design: scripts, styles)",
        ["/_framework/blazor.server.js"] = "framework script",
        ["/_framework/blazor.web.js"] = "framework script",
        ["/_framework/opaque-redirect"] = "framework redirect helper for enhanced navigation",
    };
}
