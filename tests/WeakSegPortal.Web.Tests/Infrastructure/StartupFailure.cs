using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Extensions;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>Starts the real host builder with some settings and returns the option validation that stopped it.</summary>
public static class StartupFailure
{
    public static async Task<OptionsValidationException> OfAsync(params (string Key, string Value)[] settings)
    {
        var blobs = Directory.CreateTempSubdirectory("weakseg-startup-blobs-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                EnvironmentName = "Testing",
                ApplicationName = typeof(Program).Assembly.GetName().Name,
            });
            // Parseable but unreachable: option validation runs before anything connects.
            builder.Configuration["Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=3";
            builder.Configuration["Storage:Root"] = blobs;
            foreach (var (key, value) in settings)
            {
                builder.Configuration[key] = value;
            }
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.AddPortalServices();
            // A setting some wiring reads while the pipeline is built fails there, before the start: that stops the portal too.
            var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var app = builder.Build();
                app.UsePortal();
                await app.StartAsync();
            });
            return error as OptionsValidationException
                ?? (error as AggregateException)?.Flatten().InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault()
                ?? throw new Xunit.Sdk.XunitException($"The start failed, but not on a setting: {error}");
        }
        finally
        {
            Directory.Delete(blobs, recursive: true);
        }
    }
}
