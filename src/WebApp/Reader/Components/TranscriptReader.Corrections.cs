using WebApp.Teams;
using MudBlazor;
using WebApp.Reader;
using WebApp.Transcription.Exports;

namespace WebApp.Reader.Components;

/// <summary>The reader's corrections: a word's text and a speaker's name, each through a small dialog.</summary>
public sealed partial class TranscriptReader
{
    private static DialogOptions CorrectionDialogOptions => new() { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };

    private async Task CorrectWordAsync(int index)
    {
        var word = readable!.Words[index];
        var parameters = new DialogParameters<CorrectionDialog>
        {
            { d => d.Label, "Word" },
            { d => d.Value, word.Text },
            { d => d.Hint, $"At {Timestamp.Format(word.Start)}, recognised with {Math.Round(word.Confidence * 100)}% confidence." },
            { d => d.MaxLength, TranscriptEditor.MaxWordLength },
            { d => d.Save, text => SaveAsync(editor => editor.EditWordAsync(transcript!.TeamId, transcript.Id, index, text)) },
        };
        await Dialogs.ShowAsync<CorrectionDialog>("Correct word", parameters, CorrectionDialogOptions);
    }

    private async Task RenameSpeakerAsync(string speaker)
    {
        var names = readable!.SpeakerNames;
        var parameters = new DialogParameters<CorrectionDialog>
        {
            { d => d.Label, "Name" },
            { d => d.Value, names.IsNamed(speaker) ? names.Display(speaker) : "" },
            { d => d.Placeholder, SpeakerNames.DefaultName(speaker) },
            { d => d.HelperText, $"Leave empty to call them {SpeakerNames.DefaultName(speaker)} again." },
            { d => d.MaxLength, SpeakerNames.MaxNameLength },
            { d => d.AllowEmpty, true },
            { d => d.Save, name => SaveAsync(editor => editor.RenameSpeakerAsync(transcript!.TeamId, transcript.Id, speaker, name)) },
        };
        await Dialogs.ShowAsync<CorrectionDialog>($"Rename {names.Display(speaker)}", parameters, CorrectionDialogOptions);
    }

    /// <returns>Null when saved, or why the change was refused (shown in the dialog).</returns>
    private async Task<string?> SaveAsync(Func<TranscriptEditor, Task<EditResult>> change)
    {
        if (!canWrite)
        {
            return TeamPermissions.ViewerRefusal;
        }

        await using var scope = ScopeFactory.CreateAsyncScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<TranscriptEditor>());
        if (result.Transcript is { } saved)
        {
            transcript = saved;
            readable = ReadableTranscript.From(saved);
            wordsRerendered = true;
            StateHasChanged();
        }

        return result.Error;
    }
}
