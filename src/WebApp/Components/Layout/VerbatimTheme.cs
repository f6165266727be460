using MudBlazor;

namespace WebApp.Components.Layout;

/// <summary>The app's MudBlazor theme: an indigo palette and the system font (the app must work offline, so no web fonts).</summary>
public static class VerbatimTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Noto Sans", "Liberation Sans", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = Create();

    private static MudTheme Create()
    {
        var theme = new MudTheme
        {
            PaletteLight = new PaletteLight
            {
                Primary = "#4338ca",
                Secondary = "#0f766e",
                AppbarBackground = "#ffffff",
                AppbarText = "#1f2937",
                Background = "#f6f7fb",
                DrawerBackground = "#ffffff",
                TextPrimary = "#1f2937",
                TextSecondary = "#5b6472",
            },
            PaletteDark = new PaletteDark
            {
                Primary = "#a5b4fc",
                PrimaryContrastText = "#1e1b4b",
                Secondary = "#5eead4",
                SecondaryContrastText = "#042f2e",
                TextPrimary = "#e5e7eb",
                TextSecondary = "#9ca3af",
                AppbarBackground = "#1b1d26",
                AppbarText = "#e5e7eb",
                Background = "#12131a",
                Surface = "#1b1d26",
                DrawerBackground = "#1b1d26",
            },
            LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "248px" },
        };

        var typography = theme.Typography;
        BaseTypography[] all =
        [
            typography.Default, typography.H1, typography.H2, typography.H3, typography.H4, typography.H5, typography.H6,
            typography.Subtitle1, typography.Subtitle2, typography.Body1, typography.Body2, typography.Button,
            typography.Caption, typography.Overline,
        ];
        foreach (var style in all)
        {
            style.FontFamily = SystemFonts;
        }

        typography.Button.TextTransform = "none";
        typography.H4.FontWeight = "600";
        typography.H5.FontWeight = "600";
        typography.H6.FontWeight = "600";
        return theme;
    }
}
