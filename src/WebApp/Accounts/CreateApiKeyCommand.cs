using Microsoft.AspNetCore.Identity;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Accounts;

/// <summary>
/// <c>create-api-key --email ann@example.com [--name "CI"]</c>: creates the user if missing (no password: API use
/// only), creates a key for the user's active team (a new user's personal team) and prints the key alone on the last line of stdout.
/// </summary>
public static class CreateApiKeyCommand
{
    public const string Name = "create-api-key";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var email = OptionValue(args, "--email");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            await Console.Error.WriteLineAsync("usage: create-api-key --email <address> [--name <key name>]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Could not create user {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                return 1;
            }

            Console.WriteLine($"Created user {email}.");
        }

        var teamId = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().FindActiveMembershipAsync(user.Id) is { } membership
            ? membership.TeamId
            : throw new InvalidOperationException($"{email} belongs to no team.");
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(user.Id, teamId, OptionValue(args, "--name") ?? "Command line")
            ?? throw new InvalidOperationException($"{email} left the team while the key was being made.");
        Console.WriteLine($"Created API key \"{key.Record.Name}\" for {email}:");
        Console.WriteLine(key.Key);
        return 0;
    }

    private static string? OptionValue(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
