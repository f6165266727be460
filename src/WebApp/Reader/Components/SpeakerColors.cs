namespace WebApp.Reader.Components;

/// <summary>
/// One colour per speaker, in order of appearance. Mid-tone hues that read on the light and the dark palette alike;
/// they mark a speaker (a bar, a dot) and never colour text, so contrast stays with the theme.
/// </summary>
public static class SpeakerColors
{
    private static readonly string[] Palette = ["#6366f1", "#0d9488", "#d97706", "#db2777", "#0284c7", "#65a30d", "#9333ea", "#dc2626"];

    public static string For(int speakerNumber) => Palette[speakerNumber % Palette.Length];

    /// <summary>The colour as a CSS custom property, for the block or chip to use.</summary>
    public static string Style(int speakerNumber) => $"--speaker-color: {For(speakerNumber)}";
}
