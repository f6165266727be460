using WebApp.Uploads;

namespace WebApp.Limits;

public static class LimitsExtensions
{
    /// <summary>Request, job, audio and storage limits (Verbatim:Limits) and what enforces them.</summary>
    public static void AddLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TeamLimitLock>();
        builder.Services.AddSingleton<TeamJobAdmission>();
        builder.Services.AddApiRateLimiting();
        builder.Services.AddHostedService<UploadExpiry>();
    }
}
