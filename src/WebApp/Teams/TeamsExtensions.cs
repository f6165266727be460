using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Mail;

namespace WebApp.Teams;

public static class TeamsExtensions
{
    public const string SwitchPath = "/app/active-team";

    /// <summary>Teams, their members and invites (mailed when SMTP is configured).</summary>
    public static void AddTeams(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TeamEraser>();
        builder.Services.AddScoped<TeamManager>();
        builder.Services.AddScoped<TeamInvites>();
        builder.Services.AddSingleton<InviteMail>();
        builder.AddMail();
    }

    /// <summary>
    /// POST /app/active-team (form: teamId, returnUrl): the app bar's team switcher. A plain form post, because the
    /// layout renders without a circuit; the page then reloads, so every component reads the new team.
    /// </summary>
    public static void MapTeams(this IEndpointRouteBuilder app) =>
        app.MapPost(SwitchPath, SwitchAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme })
            .ExcludeFromDescription();

    private static async Task<Results<RedirectHttpResult, ForbidHttpResult>> SwitchAsync(
        [FromForm] Guid teamId, [FromForm] string? returnUrl, HttpContext http, ApplicationDbContext db)
    {
        if (!await db.SetActiveTeamAsync(http.User.GetUserId(), teamId, http.RequestAborted))
        {
            return TypedResults.Forbid();
        }

        // Only a path on this site: never an open redirect.
        var target = returnUrl is ['/', not '/' and not '\\', ..] ? returnUrl : "/transcripts";
        return TypedResults.LocalRedirect(target);
    }
}
