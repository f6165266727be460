using Microsoft.Playwright;

namespace WebApp.Tests.EndToEnd;

/// <summary>Registers accounts through the app's own form in Chromium.</summary>
public static class BrowserAccounts
{
    public const string Password = "Correct-horse-42";

    /// <param name="path">The registration page, or null when the page is already on it (e.g. from an invite).</param>
    public static async Task RegisterAsync(IPage page, string? path, string email)
    {
        if (path is not null)
        {
            await PlaywrightBrowser.GoToAsync(page, path);
        }

        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.FillAsync("input[name='Input.ConfirmPassword']", Password);
        // Hashing the password and creating the personal team has taken over 15 s on this 2-core machine under load.
        await page.ClickAsync("button[type=submit]", new() { Timeout = 90_000 });
        await page.WaitForSelectorAsync("form[action='Account/Logout']", new() { Timeout = 90_000 });
    }
}
