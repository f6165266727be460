using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Accounts;

/// <summary>
/// The server's administrators (<see cref="Data.Entities.ApplicationUser.IsServerAdministrator"/>; the first account
/// is one) manage what the whole server shares: sign-up policy, accounts, speech models. Team roles are another matter.
/// </summary>
public sealed class ServerAdministratorRequirement : IAuthorizationRequirement
{
    public const string Policy = "ServerAdministrator";
}

public sealed class ServerAdministratorHandler(IServiceScopeFactory scopes) : AuthorizationHandler<ServerAdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ServerAdministratorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }

        // A scope of its own: the handler is a singleton, and Blazor asks from outside any request.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        if (await db.Users.AnyAsync(u => u.Id == userId && u.IsServerAdministrator))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// A server always has an administrator: on start, when none is left (a database from before the flag existed, or
/// the last one deleted their account), the earliest account becomes one.
/// </summary>
public sealed class ServerAdministratorBootstrap(IServiceScopeFactory scopes, ILogger<ServerAdministratorBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        if (await db.Users.AnyAsync(u => u.IsServerAdministrator, cancellationToken))
        {
            return;
        }

        var first = await db.Users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (first is not null)
        {
            await db.Users.Where(u => u.Id == first).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsServerAdministrator, true), cancellationToken);
            logger.LogInformation("No server administrator was left; the earliest account {UserId} is one now", first);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
