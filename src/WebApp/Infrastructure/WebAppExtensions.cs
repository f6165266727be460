using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;
using WebApp.Administration;
using WebApp.Api.V2;
using WebApp.Cluster;
using WebApp.Components;
using WebApp.Components.Account;
using WebApp.Components.Pages.Engines;
using WebApp.Data;
using WebApp.Library;
using WebApp.Reader;
using WebApp.Regions;
using WebApp.Streaming;
using WebApp.Teams;
using WebApp.Transcription.Events;
using WebApp.Uploads;
using WebApp.Usage;

namespace WebApp.Infrastructure;

public static class WebAppExtensions
{
    /// <summary>The browser app (Blazor, MudBlazor), the OpenAPI document of /v2 and the health check.</summary>
    public static void AddWebApp(this WebApplicationBuilder builder)
    {
        // A build output (tests, `dotnet run` in any environment) finds its static files through the SDK's manifest;
        // a published app has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.AddReverseProxy();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<TranscriptLibrary>();
        builder.AddTranscriptReader();
        builder.AddTeams();
        builder.AddAdministration();
        builder.AddUsage();
        builder.AddV2Api();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddOpenApi("v2", options =>
            options.ShouldInclude = description => description.RelativePath?.StartsWith("v2/", StringComparison.Ordinal) == true);
    }

    public static void UseWebApp(this WebApplication app)
    {
        app.UseReverseProxy();
        if (!app.Services.ServesWeb())
        {
            app.MapHealthChecks("/health");
            return;
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // The not-found page is for a browser navigating; a POST or DELETE wants the endpoint's own answer (re-executed,
        // a bodiless 404 became the page refusing a POST with 400).
        app.Use((http, next) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                && http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(http);
        });
        app.UseMiddleware<V2ErrorHandling>();
        app.UseAntiforgery();
        // After authorization (which WebApplication adds first), so the limiter knows the API key.
        app.UseRateLimiter();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapV2Api();
        app.MapRegions();
        app.MapStreaming();
        app.MapTranscriptHub();
        app.MapBrowserUploads();
        app.MapTeams();
        app.MapModelUploads();
        app.MapTranscriptReader();
        app.MapUsage();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
    }

    private sealed class DatabaseHealthCheck(ApplicationDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}
