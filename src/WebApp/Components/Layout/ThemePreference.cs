namespace WebApp.Components.Layout;

/// <summary>
/// Light or dark, as chosen with the app bar's switch. It lives in a cookie (written by wwwroot/app.js) so that the
/// statically rendered layout can pick the palette on the server and pages never flash the wrong one.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "verbatim-theme";

    public static bool IsDark(HttpContext? context) => context?.Request.Cookies[CookieName] == "dark";
}
