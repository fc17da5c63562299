using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Weasel.Core;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Hosting;

/// <summary>
/// What every process of the portal (web, worker, CLI) wires the same way: the event store, its
/// options validated at start, the database health check and the log format (eShop's ServiceDefaults).
/// A process adds its own documents with <c>services.ConfigureMarten</c> and its own subscriptions on
/// the expression <see cref="AddWeakSegStore"/> returns.
/// </summary>
public static class HostingExtensions
{
    /// <summary>The configuration key of the async daemon's mode: Solo (this process runs it), Disabled (another does), HotCold (several nodes).</summary>
    public const string DaemonModeKey = "Agreement:Daemon";

    /// <summary>
    /// How often a cold node asks PostgreSQL for the daemon's advisory lock (HotCold): the hot node holds it on an open
    /// connection, so when that node dies the lock goes with its connection and a cold node runs the daemon within this.
    /// </summary>
    public static readonly TimeSpan LeadershipPolling = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The Marten store: section "Database" (validated at start), Core's event types and projections,
    /// System.Text.Json with enums as strings, quick appends, and the async daemon in the mode
    /// <see cref="DaemonModeKey"/> names (Solo when unset). The schema is applied by a hosted
    /// service registered before the daemon, so that the daemon never races to create it.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddWeakSegStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // Every writer of projects must evict the annotation path's cached project rows.
        services.AddSingleton<ProjectSchemaCache>();
        services.AddSingleton<ProjectSchemaEviction>();
        // Hosted services start in this order: the schema exists before the async daemon (added
        // below) and anything the process starts later touch it; both would otherwise race to create it.
        services.AddHostedService<EventStoreInitializer>();
        var daemon = builder.Configuration.GetValue(DaemonModeKey, DaemonMode.Solo);
        return services.AddMarten(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var options = new StoreOptions();
            options.Connection(database.ConnectionString);
            options.DatabaseSchemaName = database.Schema;
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            // Quick append: one round trip per append, no per-event version lookups (measured: see README).
            options.Events.AppendMode = JasperFx.Events.EventAppendMode.Quick;
            options.AddWeakSegPortalCore();
            options.Listeners.Add(sp.GetRequiredService<ProjectSchemaEviction>());
            // The QA desk should see agreement within about a quarter second of an annotation, not a
            // second (Marten's idle default); one tiny query per tick on an idle portal is the cost.
            options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(200);
            options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
            options.Projections.LeadershipPollingTime = (int)LeadershipPolling.TotalMilliseconds;
            return options;
        })
        .UseLightweightSessions()
        .AddAsyncDaemon(daemon);
    }

    /// <summary>The health checks every process shares: "database" (PostgreSQL answers, the event store is in place).</summary>
    public static IHealthChecksBuilder AddWeakSegHealthChecks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    /// <summary>
    /// JSON lines on the console with UTC timestamps and scopes, Marten and Npgsql at Warning, each
    /// only where configuration does not say otherwise: the web app's appsettings.json says the same,
    /// appsettings.Development.json picks the simple single-line format, and a process without its own
    /// settings (a worker) gets these. Every line's first scope names the node (<see cref="NodeIdentity"/>,
    /// <c>Node:Id</c>) and, inside an activity, its W3C trace and span ids (<see cref="NodeLogScope"/>).
    /// </summary>
    public static IHostApplicationBuilder AddWeakSegLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp => NodeIdentity.From(sp.GetRequiredService<IConfiguration>()));
        // LoggerFactory takes an external scope provider from the container when one is registered.
        builder.Services.AddSingleton<IExternalScopeProvider>(sp => new NodeLogScope(sp.GetRequiredService<NodeIdentity>()));
        var configured = builder.Configuration.GetSection("Logging");
        if (configured["Console:FormatterName"] is null)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        foreach (var category in QuietCategories.Where(c => configured[$"LogLevel:{c}"] is null))
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }
        return builder;
    }

    /// <summary>Libraries whose Information lines (every query, every connection) would drown the portal's own.</summary>
    private static readonly string[] QuietCategories = ["Marten", "Npgsql"];
}
