using WebApp.Tests;
using WebApp.Tests.Transcription;

namespace Verbatim.Bench;

/// <summary>What the sections share: a scratch directory and the test recording, built once on first use.</summary>
internal sealed class BenchContext(TimeSpan recordingLength) : IDisposable
{
    private TranscribedRecording? recording;

    public ScratchDirectory Scratch { get; } = new();

    /// <summary>Speech of about the requested length with its reference transcript.</summary>
    public TranscribedRecording Recording => recording ??= BenchRecording.Build(Scratch, recordingLength);

    /// <summary>Prints one figure, aligned with the others.</summary>
    public static void Row(string label, string value) => Console.WriteLine($"  {label,-34} {value}");

    public void Dispose() => Scratch.Dispose();
}
