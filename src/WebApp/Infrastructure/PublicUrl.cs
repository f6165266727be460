using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace WebApp.Infrastructure;

/// <summary>
/// <c>Verbatim:PublicUrl</c>, the one setting for the address people and other servers reach this server at (e.g.
/// https://verbatim.example.org): links the server hands out (upload_url, next_url, signed audio links, invite links)
/// start with it, and remote regions give their upstreams webhooks under it. Unset, links use the request's own
/// scheme and host, and remote regions are polled. Its old name, <c>Verbatim:ReverseProxy:PublicBaseUrl</c>, still
/// works, with a warning at start-up.
/// </summary>
public static class PublicUrl
{
    public const string Key = "Verbatim:PublicUrl";

    public const string DeprecatedKey = "Verbatim:ReverseProxy:PublicBaseUrl";

    public static void AddPublicUrl(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VerbatimOptions>()
            .PostConfigure<IConfiguration>((options, configuration) => options.PublicUrl ??= configuration[DeprecatedKey]);
        builder.Services.AddSingleton<IValidateOptions<VerbatimOptions>, Validator>();
    }

    /// <summary>Says at start-up that the old name is in use (the value itself is not secret, but is not needed either).</summary>
    public static void WarnOfDeprecatedName(this WebApplication app)
    {
        if (!string.IsNullOrEmpty(app.Configuration[DeprecatedKey]))
        {
            app.Logger.LogWarning("{DeprecatedKey} is deprecated: rename it to {Key} (one setting for links and remote regions' webhooks).", DeprecatedKey, Key);
        }
    }

    /// <summary>The configured public URL without a trailing slash, or null.</summary>
    public static string? Configured(this VerbatimOptions options) => options.PublicUrl?.TrimEnd('/');

    /// <summary>"https://host" that links are built from: the configured public URL, else this request's scheme and host.</summary>
    public static string BaseFor(HttpRequest request) =>
        // Read from the request's services, so the many link builders need no new parameter.
        request.HttpContext.RequestServices.GetRequiredService<IOptions<VerbatimOptions>>().Value.Configured()
        ?? $"{request.Scheme}://{request.Host}";

    /// <summary>An absolute link to <paramref name="relativePath"/> for an interactive page, which has no request.</summary>
    public static string LinkFor(this NavigationManager navigation, VerbatimOptions options, string relativePath) =>
        options.Configured() is { } configured
            // The app's own path base (when it is served under one) follows the public address.
            ? configured + new Uri(navigation.BaseUri).AbsolutePath + relativePath
            : navigation.ToAbsoluteUri(relativePath).ToString();

    /// <summary>Stops start-up on a public URL that links cannot be built on, or on two names saying different things.</summary>
    private sealed class Validator(IConfiguration configuration) : IValidateOptions<VerbatimOptions>
    {
        public ValidateOptionsResult Validate(string? name, VerbatimOptions options)
        {
            if (configuration[Key] is { Length: > 0 } current && configuration[DeprecatedKey] is { Length: > 0 } old && current != old)
            {
                return ValidateOptionsResult.Fail($"{Key} and its deprecated name {DeprecatedKey} are both set, to different addresses; keep only {Key}.");
            }

            return options.PublicUrl is null || (Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Key} must be an absolute http(s) URL without a query, such as https://verbatim.example.org.");
        }
    }
}
