using Marten;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Hosting;
using WeakSegPortal.Imaging.Dicom.Segmentation;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.ApiTokens;
using WeakSegPortal.Web.Audit;
using WeakSegPortal.Web.Cluster;
using WeakSegPortal.Web.Components;
using WeakSegPortal.Web.DataImport;
using WeakSegPortal.Web.DataImport.DicomWeb;
using WeakSegPortal.Web.Exports;
using WeakSegPortal.Web.Guidelines;
using WeakSegPortal.Web.Health;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Items;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Security;
using WeakSegPortal.Web.Seeding;
using WeakSegPortal.Web.Slices;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Training;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Extensions;

/// <summary>All of the web app's service wiring and its request pipeline.</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The browser client lives in the top-level wwwroot/; this serves it in every environment.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        builder.AddWeakSegLogging();
        // The store first (its Database options are validated first, as before; the schema is applied
        // before the async daemon starts), then the portal's options and what only the web app keeps in it.
        builder.AddWeakSegStore()
            // Agreement is recomputed by the async daemon, off the annotation path (see AgreementSubscription).
            .AddSubscriptionWithServices<AgreementSubscription>(ServiceLifetime.Singleton);
        services.AddPortalOptions();
        services.AddWebDocuments();
        services.AddPortalAuth();
        builder.AddWeakSegHealthChecks().AddCheck<AgreementLagHealthCheck>("agreement").AddCheck<WorkersHealthCheck>("workers")
            .AddCheck<BackplaneHealthCheck>("backplane").AddCheck<ProcessHealthCheck>("process");
        services.AddTransportSecurity();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = 1024 * 1024;
            // Pings every 5 s let the workspace notice a dead line within its 12 s server timeout.
            options.KeepAliveInterval = TimeSpan.FromSeconds(5);
            // First: it times the annotation calls with the other filters' work in them.
            options.AddFilter<AckTimingFilter>();
            options.AddFilter<HubErrorFilter>();
            options.AddFilter<HubSessionFilter>();
        });
        services.AddCluster();
        services.AddSingleton<ConnectedSessions>();
        services.AddSingleton<SessionEndBroadcast>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionEndBroadcast>());
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<AnnotationWriteTimings>();
        services.AddSingleton<AgreementBatchTimings>();
        // A node that may take the daemon over runs the recompute once before it has to (issue 12: cold code, not labels).
        services.AddSingleton<AgreementWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<AgreementWarmup>());
        services.AddSingleton<AnnotationWriters>();
        services.AddHostedService(sp => sp.GetRequiredService<AnnotationWriters>());
        services.AddPixelStore();
        services.AddSuggestions();
        services.AddTraining();
        services.AddExports();
        services.AddUseCases();
        services.AddImageImport();
        services.AddHostedService<PortalSeeder>();
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseOriginCheck();
        app.UseAuthentication();
        app.UseApiAntiforgery();
        app.UseAuthorization();
        app.UseHubUserCheck(AnnotationHub.Path);
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapApiAntiforgery();
        app.MapImportEndpoints();
        app.MapHub<AnnotationHub>(AnnotationHub.Path);
        app.MapHub<WorkerHub>(WorkerHub.Path);
        app.MapWorkerVolumeEndpoints();
        app.MapWorkerBlobEndpoints();
        app.MapTrainingDatasetEndpoints();
        app.MapModelDownloadEndpoints();
        app.MapExportEndpoints();
        app.MapItemImageEndpoints();
        app.MapGuidelineImageEndpoints();
        app.MapAgreementExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// Several web nodes (section "Redis", off when Redis:ConnectionString is unset): SignalR's Redis backplane for both
    /// hubs (Blazor's circuits stay on their node, behind sticky sessions), the shared worker and presence tables, QA's
    /// live updates as a Redis message, and this node's daemon role for /health.
    /// </summary>
    private static void AddCluster(this IServiceCollection services)
    {
        services.AddOptions<BackplaneOptions>().BindConfiguration(BackplaneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackplaneOptions>, BackplaneOptionsValidator>();
        // Started first among the portal's own hosted services, so the others find Redis connected (or known down).
        services.AddSingleton<RedisLink>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisLink>());
        services.AddSingleton<AgreementBroadcast>();
        services.AddHostedService(sp => sp.GetRequiredService<AgreementBroadcast>());
        services.AddSingleton<ISharedNodeState>(sp => sp.GetRequiredService<WorkerRegistry>());
        services.AddSingleton<ISharedNodeState>(sp => sp.GetRequiredService<PresenceTracker>());
        services.AddHostedService<ClusterHeartbeat>();
        services.AddSingleton<DaemonRole>();
        // A sign-in cookie (and an antiforgery token) made by one node must open the others after a failover: with
        // several nodes the data protection keys live in the blob folder every node shares (Storage:Root).
        services.AddOptions<Microsoft.AspNetCore.DataProtection.DataProtectionOptions>().Configure<IOptions<BackplaneOptions>>((protection, backplane) =>
        {
            if (backplane.Value.IsConfigured)
            {
                protection.ApplicationDiscriminator = "WeakSegPortal";
            }
        });
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IOptions<BackplaneOptions>, IOptions<StorageOptions>, IHostEnvironment>((keys, backplane, storage, environment) =>
            {
                if (backplane.Value.IsConfigured)
                {
                    keys.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                        new DirectoryInfo(Path.Combine(storage.Value.ResolveRoot(environment.ContentRootPath), "data-protection-keys")), NullLoggerFactory.Instance);
                }
            });
        services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>().Configure<RedisLink>((redis, link) =>
        {
            if (link.IsConfigured)
            {
                redis.Configuration = link.Configuration();
                redis.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(link.Key("signalr").ToString());
            }
        });
        services.AddSingleton<HubLifetimeManager<AnnotationHub>>(sp => LifetimeManagerFor<AnnotationHub>(sp));
        services.AddSingleton<HubLifetimeManager<WorkerHub>>(sp => LifetimeManagerFor<WorkerHub>(sp));
    }

    /// <summary>The Redis backplane (falling back to this node alone during an outage) when Redis is configured, else SignalR's default.</summary>
    private static HubLifetimeManager<THub> LifetimeManagerFor<THub>(IServiceProvider sp)
        where THub : Hub =>
        sp.GetRequiredService<IOptions<BackplaneOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<WeakSegPortal.Web.Cluster.ResilientHubLifetimeManager<THub>>(sp)
            : new DefaultHubLifetimeManager<THub>(sp.GetRequiredService<ILogger<DefaultHubLifetimeManager<THub>>>());

    private static void AddPortalOptions(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnnotationWriteOptions>().BindConfiguration(AnnotationWriteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DicomWebOptions>().BindConfiguration(DicomWebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SuggestionOptions>().BindConfiguration(SuggestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>The web app's own documents in the shared store (accounts, sign-ins, the seed record) and the agreement recomputation.</summary>
    private static void AddWebDocuments(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Schema.For<UserAccount>().UniqueIndex(u => u.NormalizedUserName);
            options.RegisterDocumentType<SeedRecord>();
            options.Schema.For<EndedSession>().Identity(e => e.Id);
            options.RegisterDocumentType<LastSignIn>();
            options.Schema.For<ApiToken>().Index(t => t.UserId);
            options.Events.AddEventTypes([typeof(UserCreated), typeof(UserAccessChanged), typeof(UserPasswordReset)]);
            // Inline: the audit lists a change in the request after it was saved; administrative changes are few.
            options.Projections.Add(new AuditProjection(AuditedEventTypes.All), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
            options.Schema.For<AuditEntry>().Index(e => e.At).Index(e => e.By).Index(e => e.ProjectId).Index(e => e.Kind);
        });
        services.AddSingleton<AgreementRecomputer>();
        services.AddSingleton<AgreementNotifier>();
    }

    private static void AddPixelStore(this IServiceCollection services)
    {
        services.AddSingleton<VolumeCache>();
        services.AddSingleton<SliceService>();
        services.AddSingleton<ItemAccessCache>();
        services.AddScoped<ItemRegistrar>();
        services.AddScoped<GuidelineImageIntake>();
    }

    /// <summary>The suggestion loop's web side: workers and their jobs, the in-process classical engines, the record of requests.</summary>
    private static void AddSuggestions(this IServiceCollection services)
    {
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton<InProcessEngines>();
        services.AddSingleton<SuggestionDispatcher>();
        services.AddSingleton<ReadySlices>();
        services.AddSingleton<EmbeddingPrecompute>();
        services.AddSingleton<SuggestionRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<SuggestionRecorder>());
        services.AddScoped<SuggestionService>();
        services.AddScoped<Propagation.PropagationService>();
    }

    /// <summary>Training jobs (docs/training-protocol.md): Core's handlers, the worker hub's desk, the dataset, the page's starter and the registry.</summary>
    private static void AddTraining(this IServiceCollection services)
    {
        services.AddSingleton<TrainingNotifier>();
        services.AddSingleton<TrainingBroadcast>();
        services.AddHostedService(sp => sp.GetRequiredService<TrainingBroadcast>());
        services.AddSingleton<ITrainingListener, TrainingAvailablePush>();
        services.AddSingleton<ITrainingListener>(sp => sp.GetRequiredService<TrainingBroadcast>());
        services.AddScoped<RequestTrainingHandler>();
        services.AddScoped<ClaimTrainingHandler>();
        services.AddScoped<ReportTrainingEpochHandler>();
        services.AddScoped<RenewTrainingLeaseHandler>();
        services.AddScoped<CompleteTrainingHandler>();
        services.AddScoped<FailTrainingHandler>();
        services.AddScoped<CancelTrainingHandler>();
        services.AddScoped<AutoTraining>();
        services.AddScoped<TrainingDesk>();
        services.AddScoped<TrainingDatasetBuilder>();
        services.AddScoped<TrainingStarter>();
        services.AddScoped<ModelCatalog>();
    }

    /// <summary>Exports (docs/export-formats.md): Core's handlers, the content reader and the background runner; the weak-label import; the export pages' push.</summary>
    private static void AddExports(this IServiceCollection services)
    {
        services.AddSingleton<ExportNotifier>();
        services.AddSingleton<ExportBroadcast>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportBroadcast>());
        services.AddSingleton<IExportListener>(sp => sp.GetRequiredService<ExportBroadcast>());
        services.AddScoped<RequestExportHandler>();
        services.AddScoped<StartExportHandler>();
        services.AddScoped<RecordExportProgressHandler>();
        services.AddScoped<CompleteExportHandler>();
        services.AddScoped<FailExportHandler>();
        services.AddScoped<CancelExportHandler>();
        services.AddScoped<RecordExportDownloadHandler>();
        services.AddScoped<ImportWeakLabelsHandler>();
        services.AddScoped<ExportContentReader>();
        // DICOM-SEG is written by our own Explicit VR writer: GDCM's C# binding has no Segmentation writer (docs/export-formats.md).
        services.AddSingleton<IDicomSegmentationWriter, ExplicitVrSegmentationWriter>();
        services.AddHostedService<ExportRunner>();
    }

    private static void AddPortalAuth(this IServiceCollection services)
    {
        // Cookie for pages, hubs and the API; a personal API token (Bearer wsp_…) for the API alone (ApiTokenScheme).
        services.AddAuthentication(ApiTokenScheme.Portal)
            .AddPolicyScheme(ApiTokenScheme.Portal, null, options => options.ForwardDefaultSelector = ApiTokenScheme.Select)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenScheme.Name, null)
            .AddCookie(options =>
        {
            options.Cookie.Name = SignInCookie.Name;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/login";
            options.AccessDeniedPath = "/access-denied";
            options.ExpireTimeSpan = SignInCookie.Lifetime;
            options.SlidingExpiration = true;
            options.Events = ApiAwareCookieEvents.Create();
        })
        // Workers: a machine token, never a cookie (only WorkerToken.Policy asks for this scheme).
        .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, WorkerTokenHandler>(WorkerToken.Scheme, null);
        // Everything needs a signed-in user unless it says otherwise (sign-in page, health, static files).
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(WorkerToken.Policy, policy => policy.AddAuthenticationSchemes(WorkerToken.Scheme).RequireClaim(WorkerToken.MachineClaim, "worker"));
        services.AddCascadingAuthenticationState();
        // Open circuits re-check their sign-in, as the cookie does on every request (SessionValidator).
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAuthenticationState>();
        services.AddSingleton<SessionValidator>();
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => options.HeaderName = ApiAntiforgery.HeaderName);
        services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<UserAccount>, Microsoft.AspNetCore.Identity.PasswordHasher<UserAccount>>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInService>();
    }

    private static void AddImageImport(this IServiceCollection services)
    {
        // Local disk today; an S3-compatible IBlobStore can replace this one registration.
        services.AddSingleton<IBlobStore>(sp => new LocalDiskBlobStore(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveRoot(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddSingleton<StagingDecoder>();
        services.AddSingleton<ImportMetrics>();
        services.AddSingleton<ProjectImportGate>();
        services.AddScoped<ProjectImporter>();
        services.AddHttpClient(DicomWebImporter.HttpClientName, http => http.Timeout = TimeSpan.FromMinutes(10))
            // A PACS's redirect could point anywhere: only the allowed address itself is ever asked.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddScoped<DicomWebImporter>();
    }

    private static void AddUseCases(this IServiceCollection services)
    {
        services.AddScoped<CreateProjectHandler>();
        services.AddScoped<EditProjectHandler>();
        services.AddScoped<SetProjectTeamHandler>();
        services.AddScoped<GuidelineExamplesHandler>();
        services.AddScoped<NextItemHandler>();
        services.AddScoped<FinishItemHandler>();
        services.AddSingleton(new GoldDraw());
        services.AddScoped<SubmitAnnotationHandler>();
        services.AddScoped<WeakSegPortal.Core.Suggestions.RejectSuggestionHandler>();
        services.AddScoped<WeakSegPortal.Core.Training.PromoteModelHandler>();
        services.AddScoped<CreateUserHandler>();
        services.AddScoped<AdjudicateItemHandler>();
        services.AddScoped<ReturnItemHandler>();
        services.AddScoped<MarkItemGoldHandler>();
        services.AddScoped<UpdateUserAccessHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<IssueApiTokenHandler>();
        services.AddScoped<RevokeApiTokenHandler>();
    }
}
