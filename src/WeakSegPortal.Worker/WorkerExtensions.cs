using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.Worker.ProjectModels;

namespace WeakSegPortal.Worker;

/// <summary>The worker's one wiring: options "Worker", "Suggestions" and "ProjectModels" validated at start, the engines, caches, job gate, the hub link and the training runner.</summary>
public static class WorkerExtensions
{
    /// <summary>
    /// The SignalR client's own categories: it logs each failed connect and lost link as an error with a stack trace,
    /// which HubLink already reports in one line with the reason and what it does next; quiet unless configured.
    /// </summary>
    private static readonly string[] ClientCategories = ["Microsoft.AspNetCore.SignalR.Client", "Microsoft.AspNetCore.Http.Connections.Client"];

    public static IHostApplicationBuilder AddWeakSegWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddOptions<SuggestionEngineOptions>().BindConfiguration(SuggestionEngineOptionsValidator.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SuggestionEngineOptions>, SuggestionEngineOptionsValidator>();
        services.AddSingleton<WorkerEngines>();
        services.AddSingleton<PortalVolumeClient>();
        services.AddSingleton<VolumeCache>();
        services.AddSingleton<PreviousMasks>();
        services.AddSingleton<JobGate>();
        services.AddSingleton<LinkStatus>();
        services.AddSingleton<SuggestionJobRunner>();
        services.AddSingleton<EmbeddingJobRunner>();
        services.AddSingleton<TrainingDevice>();
        services.AddSingleton<TrainingChannel>();
        services.AddSingleton<PortalTrainingClient>();
        services.AddSingleton<TrainingJobRunner>();
        services.AddOptions<ProjectModelOptions>().BindConfiguration(ProjectModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelFiles>();
        services.AddSingleton<ProjectModelSessions>();
        services.AddSingleton<ProjectModelJobRunner>();
        services.AddHostedService<HubLink>();
        services.AddHostedService(provider => provider.GetRequiredService<TrainingJobRunner>());
        foreach (var category in ClientCategories.Where(c => builder.Configuration[$"Logging:LogLevel:{c}"] is null))
        {
            builder.Logging.AddFilter(category, LogLevel.Critical);
        }

        return builder;
    }
}
