using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Transcription.Exports;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Insights;
using WebApp.Transcription.Model;

namespace WebApp.Reader;

/// <param name="Transcript">The saved transcript, or null when the change was refused.</param>
/// <param name="Error">Why it was refused, in words for the person who asked.</param>
public sealed record EditResult(Transcript? Transcript, string? Error)
{
    public static EditResult Refused(string error) => new(null, error);
}

/// <summary>
/// People's corrections to a completed transcript: speakers' names and words' text. A word keeps its timing and
/// speaker; the transcript's Text is rebuilt from the words as the job builds it, so the API, the exports and the
/// library's search all see the correction, and the insights (entities, key phrases, sentiments) are found again.
/// </summary>
public sealed class TranscriptEditor(ApplicationDbContext db)
{
    public const int MaxWordLength = 100;

    /// <param name="name">The new name; blank gives the speaker back their letter ("Speaker A").</param>
    public async Task<EditResult> RenameSpeakerAsync(Guid teamId, Guid transcriptId, string speaker, string? name, CancellationToken cancellationToken = default)
    {
        if (SpeakerNames.Clean(name).Length > SpeakerNames.MaxNameLength)
        {
            return EditResult.Refused($"A name can have at most {SpeakerNames.MaxNameLength} characters.");
        }

        var (transcript, words, error) = await LoadEditableAsync(teamId, transcriptId, cancellationToken);
        if (transcript is null)
        {
            return EditResult.Refused(error!);
        }

        if (!words!.Any(w => w.Speaker == speaker))
        {
            return EditResult.Refused($"This transcript has no speaker {speaker}.");
        }

        transcript.SpeakerNamesJson = SpeakerNames.Parse(transcript.SpeakerNamesJson).With(speaker, name).ToJson();
        await db.SaveChangesAsync(cancellationToken);
        return new EditResult(transcript, null);
    }

    public async Task<EditResult> EditWordAsync(Guid teamId, Guid transcriptId, int wordIndex, string text, CancellationToken cancellationToken = default)
    {
        var cleaned = SpeakerNames.Clean(text);
        if (cleaned.Length == 0)
        {
            return EditResult.Refused("A word cannot be empty.");
        }

        if (cleaned.Length > MaxWordLength)
        {
            return EditResult.Refused($"A word can have at most {MaxWordLength} characters.");
        }

        var (transcript, words, error) = await LoadEditableAsync(teamId, transcriptId, cancellationToken);
        if (transcript is null)
        {
            return EditResult.Refused(error!);
        }

        if (wordIndex < 0 || wordIndex >= words!.Count)
        {
            return EditResult.Refused("That word is no longer in the transcript. Reload the page and try again.");
        }

        var edited = ReplaceWord(words, wordIndex, cleaned);
        transcript.WordsJson = StoredWords.Write(edited);
        transcript.Text = TranscriptFormatter.JoinText(edited);
        // The insights follow the words, so that what the reader and the API show agrees with the corrected text.
        if (StoredInsights.Read(transcript) is { } insights)
        {
            transcript.InsightsJson = StoredInsights.Write(TranscriptAnalyzer.Reanalyze(insights, edited, wordIndex));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new EditResult(transcript, null);
    }

    /// <summary>The words with one word's text changed; its timing, confidence and speaker stay.</summary>
    public static IReadOnlyList<Word> ReplaceWord(IReadOnlyList<Word> words, int index, string text)
    {
        var copy = words.ToList();
        copy[index] = copy[index] with { Text = text };
        return copy;
    }

    private async Task<(Transcript? Transcript, IReadOnlyList<Word>? Words, string? Error)> LoadEditableAsync(
        Guid teamId, Guid transcriptId, CancellationToken cancellationToken)
    {
        var transcript = await db.Transcripts.SingleOrDefaultAsync(t => t.Id == transcriptId && t.TeamId == teamId, cancellationToken);
        if (transcript is null || transcript.DeletedAt is not null)
        {
            return (null, null, "This transcript no longer exists.");
        }

        if (transcript.Status != TranscriptStatus.Completed)
        {
            return (null, null, "Only a completed transcript can be corrected.");
        }

        return (transcript, StoredWords.Read(transcript), null);
    }
}
