namespace WebApp.Transcription.Diarization;

/// <param name="PieceSeconds">Length of the pieces speech is cut into for clustering; long enough for a voice's statistics, short enough for a one-second turn to have a piece of its own.</param>
/// <param name="MaximumPieces">Past this many, pieces are made longer: clustering costs pieces² in time and memory.</param>
/// <param name="BicPenaltyWeight">λ of the ΔBIC stopping rule; see <see cref="BicClustering"/>.</param>
/// <param name="SwitchPenalty">Log-likelihood a change of speaker must win by inside continuous speech; see <see cref="ViterbiResegmentation"/>.</param>
/// <param name="PauseSwitchPenalty">The same across a pause.</param>
/// <param name="ResegmentationPasses">Rounds of fitting speaker models and re-deciding every frame.</param>
/// <param name="BridgeSeconds">A speaker's pauses up to this long stay inside their turn.</param>
public sealed record DiarizerSettings(
    double PieceSeconds = 1.0,
    int MaximumPieces = 2000,
    double BicPenaltyWeight = 1.0,
    double SwitchPenalty = 60,
    double PauseSwitchPenalty = 20,
    int ResegmentationPasses = 3,
    double BridgeSeconds = 1.0,
    bool GlobalPenalty = false)
{
    public static DiarizerSettings Default { get; } = new();
}
