using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Security;

/// <summary>
/// The authorization matrix, generated: every route in the route table and every hub method, called
/// by each role for its own project and for another, and anonymously, must get the answer of
/// <see cref="AuthorizationMatrix"/>; and no answer to an annotator holds another annotator's labels,
/// nor any answer to a project's member anything of a project they are not in.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string SignOut = MatrixProbe.SignOut;

    private readonly MatrixProbe _probe = new(factory);

    private IEnumerable<RouteEndpoint> PortalRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.StartsWith("StaticAsset", StringComparison.Ordinal)));

    /// <summary>
    /// "METHOD pattern" of an endpoint, without a trailing slash. A page (Razor component) answers GET
    /// and its forms' POST with one authorization: it is one entry, under GET.
    /// </summary>
    private static IEnumerable<string> KeysOf(RouteEndpoint endpoint)
    {
        var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        if (endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata"))
        {
            return [$"GET {pattern}"];
        }
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
        return methods.Select(m => $"{m} {pattern}");
    }

    private static bool IsTransport(string key) => AuthorizationMatrix.Transports.ContainsKey(key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

    private static IEnumerable<MethodInfo> HubMethods() =>
        typeof(AnnotationHub).Assembly.GetTypes()
            .Where(t => typeof(Hub).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetBaseDefinition().DeclaringType == m.DeclaringType && !m.IsSpecialName);

    [Fact]
    public void Every_route_and_hub_method_has_an_entry_and_every_entry_still_exists()
    {
        var keys = PortalRoutes().SelectMany(KeysOf).Distinct().ToList();
        var missing = keys.Where(k => !AuthorizationMatrix.Routes.ContainsKey(k) && !IsTransport(k)).ToList();
        Assert.True(missing.Count == 0, "Routes without an entry in AuthorizationMatrix.Routes: " + string.Join(", ", missing.Select(k => $"{k} ({string.Join("; ", PortalRoutes().Where(e => KeysOf(e).Contains(k)).Select(e => e.DisplayName))})")));
        var gone = AuthorizationMatrix.Routes.Keys.Except(keys).ToList();
        Assert.True(gone.Count == 0, "Entries for routes that no longer exist: " + string.Join(", ", gone));

        var methods = HubMethods().Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        var missingMethods = methods.Except(AuthorizationMatrix.HubMethods.Keys).ToList();
        Assert.True(missingMethods.Count == 0, "Hub methods without an entry in AuthorizationMatrix.HubMethods: " + string.Join(", ", missingMethods));
        Assert.Empty(AuthorizationMatrix.HubMethods.Keys.Except(methods));
    }

    [Fact]
    public async Task Every_caller_gets_the_answer_of_the_matrix_and_sees_nothing_that_is_not_theirs()
    {
        var own = await new QaWorld(factory, "mx-own").CreateAsync($"Matrix own {Guid.NewGuid():N}");
        var otherName = $"Matrix other {Guid.NewGuid():N}";
        var other = await new QaWorld(factory, "mx-other").CreateAsync(otherName);
        var ownIds = new MatrixIds(own.Project, own.Item, await _probe.ExampleAsync(own.Project), await _probe.ModelVersionAsync(own.Project), await _probe.ExportAsync(own.Project));
        var otherIds = new MatrixIds(other.Project, other.Item, await _probe.ExampleAsync(other.Project), await _probe.ModelVersionAsync(other.Project), await _probe.ExportAsync(other.Project));
        await using (var hub = await own.ConnectAsync(0))
        {
            await QaWorld.BoxAsync(hub, own.Item, 2, 2, 20, 20);
        }
        var secondAnnotatorsLabel = await MatrixProbe.LabelAsync(own, 1);
        await MatrixProbe.LabelAsync(other, 0);
        await factory.EnsureUserAsync("mx-manager", QaWorld.Password, Roles.ProjectManager);
        await factory.EnsureUserAsync("mx-admin", QaWorld.Password, Roles.Admin);
        var names = new Dictionary<Caller, string>
        {
            [Caller.Annotator] = own.AnnotatorNames[0],
            [Caller.QaLead] = own.QaLeadName,
            [Caller.Manager] = "mx-manager",
            [Caller.Admin] = "mx-admin",
        };

        var calls = new List<MatrixCall>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var cookie = caller == Caller.Anonymous ? null : await HubClients.CookieAsync(factory, names[caller], QaWorld.Password);
            foreach (var target in Enum.GetValues<Target>())
            {
                var ids = target == Target.Own ? ownIds : otherIds;
                foreach (var (key, rule) in AuthorizationMatrix.Routes.Where(r => r.Key != SignOut))
                {
                    calls.Add(await _probe.RouteAsync(key, rule, caller, target, ids, cookie));
                }
                calls.AddRange(await _probe.HubCallsAsync(caller, target, ids, cookie));
            }
            // Sign-out last: it ends the session every other call used.
            calls.Add(await _probe.RouteAsync(SignOut, AuthorizationMatrix.Routes[SignOut], caller, Target.Own, ownIds, cookie));
        }

        var wrong = calls.Where(c => !MatrixProbe.Holds(c)).Select(c => $"{c.Caller} {c.Target} {c.Key}: expected {c.Expected}, got {c.Outcome}").ToList();
        var foreignMarkers = new[] { otherIds.Project.ToString(), otherIds.Item.ToString(), otherIds.Example.ToString(), otherName };
        var leaks = calls.Where(c => c.Caller is Caller.Annotator or Caller.QaLead)
            .SelectMany(c => foreignMarkers.Where(m => c.Body.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{c.Caller} {c.Target} {c.Key} shows another project's {m}"))
            .Concat(calls.Where(c => c.Caller == Caller.Annotator)
                .Where(c => c.Body.Contains(secondAnnotatorsLabel.ToString(), StringComparison.OrdinalIgnoreCase))
                .Select(c => $"Annotator {c.Target} {c.Key} shows another annotator's label"))
            .ToList();
        Assert.True(wrong.Count == 0 && leaks.Count == 0, string.Join("\n", wrong.Concat(leaks)));
        Assert.Equal(Enum.GetValues<Caller>().Length * ((2 * (AuthorizationMatrix.Routes.Count - 1 + AuthorizationMatrix.HubMethods.Count)) + 1), calls.Count);
    }
}
