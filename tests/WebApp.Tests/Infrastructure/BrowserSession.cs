using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A signed-in browser, without the browser: an account registered through the real /Account/Register form, its
/// Identity cookie, and the antiforgery token the app's pages carry. For the cookie-authenticated endpoints and hub.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    public const string Password = "Correct-horse-9";

    private BrowserSession(Uri baseAddress, string email)
    {
        BaseAddress = baseAddress;
        Email = email;
        // No automatic redirects: a refusal must show as what it is (401, 302 to the sign-in page), not as the page it leads to.
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public Uri BaseAddress { get; }

    public string Email { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    /// <summary>Registers <paramref name="email"/> with the app's own form, which signs the new account in.</summary>
    public static async Task<BrowserSession> RegisterAsync(Uri baseAddress, string email)
    {
        var session = new BrowserSession(baseAddress, email);
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync("/Account/Register"),
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        };
        using var response = await session.Http.PostAsync("/Account/Register", new FormUrlEncodedContent(form));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"registering {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(session.Cookies.GetCookies(baseAddress), cookie => cookie.Name == ".AspNetCore.Identity.Application");
        return session;
    }

    /// <summary>A browser with no account yet: to try registering or signing in and see what the app answers.</summary>
    public static BrowserSession Anonymous(Uri baseAddress, string email) => new(baseAddress, email);

    /// <summary>Posts the registration form at <paramref name="path"/> (which may carry ?Invite=…) and returns the raw answer.</summary>
    public async Task<HttpResponseMessage> TryRegisterAsync(string path = "/Account/Register") =>
        await Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            // The sign-in page's token: a closed registration page has no form (and so no token) to take it from.
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync("/Account/Login"),
            ["Input.Email"] = Email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }));

    /// <summary>Posts the sign-in form and returns the raw answer (a redirect on success or lockout).</summary>
    public async Task<HttpResponseMessage> TrySignInAsync(string password) =>
        await Http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync("/Account/Login"),
            ["Input.Email"] = Email,
            ["Input.Password"] = password,
        }));

    /// <summary>The antiforgery request token of a page (every page of a signed-in user has one in its sign-out form).</summary>
    public async Task<string> AntiforgeryTokenAsync(string path = "/transcripts/new")
    {
        var html = await Http.GetStringAsync(path);
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException($"No antiforgery token on {path}");
    }

    /// <summary>
    /// A SignalR connection to the app's transcript hub that carries this browser's cookies; to another node of a
    /// cluster with <paramref name="node"/> (cookies are per host, not per port, so the same sign-in goes along).
    /// </summary>
    public HubConnection ConnectToTranscriptHub(Uri? node = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(node ?? BaseAddress, "/hubs/transcripts"), options => options.Cookies = Cookies)
        .Build();

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
