using WebApp.Tests;
using WebApp.Tests.Transcription;

namespace Verbatim.Bench;

/// <param name="Source">Where the speech came from ("librivox" or "flite"), to report accuracy per kind of speech.</param>
internal sealed record RecordingPart(string Source, double StartSeconds, double EndSeconds, string Transcript);

internal sealed record TranscribedRecording(string Path, double DurationSeconds, IReadOnlyList<RecordingPart> Parts)
{
    public string Transcript => string.Join(' ', Parts.Select(part => part.Transcript));
}

/// <summary>
/// Builds the benchmark's recording: rounds of the five LibriVox clips (real speech, one reader) alternating with
/// sentences spoken by flite's four voices, with pauses between, until it is as long as asked. flite rather than
/// espeak-ng because pocketsphinx misrecognises 65–85% of espeak-ng's words but only 4–12% of flite's.
/// </summary>
internal static class BenchRecording
{
    private static readonly string[] FliteVoices = ["awb", "rms", "slt", "kal16"];
    private static readonly double[] PauseSeconds = [0.4, 0.9, 0.6, 1.2, 0.5];

    private static readonly string[] Sentences =
    [
        "The committee will meet again on Thursday to review the budget for next year.",
        "She opened the window and listened to the rain falling on the garden.",
        "Most of the students finished their work before the end of the afternoon.",
        "We should call the office tomorrow morning and ask about the delivery.",
        "The old bridge across the river was closed for repairs last summer.",
        "He spent the whole evening reading letters that his grandfather had written.",
        "Please remember to turn off the lights when you leave the building.",
        "The new library has a quiet room where people can study all day.",
        "Our train was late because of snow on the line near the station.",
        "They planted apple trees along the road that leads to the farm.",
        "The doctor said that a short walk every day would help him recover.",
        "I would like to book a table for four people at seven o'clock.",
        "The price of coffee has gone up again in most of the shops in town.",
        "After dinner the children played games in the living room until bedtime.",
        "The report shows that sales were higher in the spring than in the winter.",
        "My sister moved to the city to work for a small design company.",
        "The museum will be open late on Friday for a special exhibition.",
        "We walked along the beach and watched the boats come back to the harbour.",
        "The engineers tested the new engine for three weeks before the flight.",
        "Could you send me a copy of the contract before the meeting on Monday?",
        "The weather was warm enough to eat lunch outside in the park.",
        "Every morning the baker opens his shop at six and sells fresh bread.",
        "The team worked late to finish the project before the holiday.",
        "She wrote a long letter to her friend who lives in another country.",
    ];

    public static TranscribedRecording Build(ScratchDirectory scratch, TimeSpan length)
    {
        var pauses = PauseSeconds.Select((seconds, index) => TestAudio.Silence(seconds, scratch.File($"pause-{index}.wav"))).ToArray();
        var files = new List<string>();
        var parts = new List<RecordingPart>();
        var position = 0.0;
        var sentence = 0;

        void Add(string file, string source, string transcript)
        {
            var duration = TestAudio.DurationSeconds(file);
            parts.Add(new RecordingPart(source, position, position + duration, transcript));
            files.Add(file);
            var pause = pauses[files.Count % pauses.Length];
            files.Add(pause);
            position += duration + TestAudio.DurationSeconds(pause);
        }

        var random = new Random(11);
        while (position < length.TotalSeconds)
        {
            foreach (var clip in LibrivoxClips.All.OrderBy(_ => random.Next()))
            {
                Add(clip.Path, "librivox", clip.Transcript);
            }

            for (var i = 0; i < 4 && position < length.TotalSeconds; i++, sentence++)
            {
                var text = Sentences[sentence % Sentences.Length];
                var voice = FliteVoices[sentence % FliteVoices.Length];
                Add(TestAudio.Flite(text, scratch.File($"flite-{sentence}.wav"), voice), "flite", text);
            }
        }

        var path = TestAudio.Concat(scratch.File("bench.wav"), files);
        return new TranscribedRecording(path, TestAudio.DurationSeconds(path), parts);
    }
}
