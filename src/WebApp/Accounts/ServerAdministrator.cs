using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Accounts;

/// <summary>
/// The server's administrator: its first account (the earliest created). Administrators manage what the whole server
/// shares, such as its speech models; team roles are another matter.
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
        var first = await db.Users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync();
        if (first == userId)
        {
            context.Succeed(requirement);
        }
    }
}
