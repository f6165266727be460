using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>
/// The last merging step on its own, given labels made from a conversation's reference turns (so what it starts from
/// is known): a voice cut into two clusters, as ΔBIC leaves a real voice, and more clusters than a given count.
/// </summary>
public sealed class AlikeSpeakerMergingTests(ConversationsFixture conversations) : IClassFixture<ConversationsFixture>
{
    private readonly AlikeSpeakerMerging merging = new(DiarizerSettings.Default);

    [Fact]
    public async Task Merge_RealVoiceCutInTwoByAlternateTurns_MergesItBackAndKeepsTheOthersApart()
    {
        var conversation = conversations.ThreeSpeakers;
        var (features, speechFrames, pitch, labels, truth) = await LabelsAsync(conversation, cut: [0]);
        Assert.Equal(4, labels.Distinct().Count());

        var merged = merging.Merge(features, speechFrames, labels, pitch, SpeakerCountHint.None, CancellationToken.None);

        Assert.True(merged);
        AssertOneLabelPerVoice(labels, truth, voices: 3);
    }

    [Fact]
    public async Task Merge_EachVoiceOneCluster_MergesNothing()
    {
        var (features, speechFrames, pitch, labels, _) = await LabelsAsync(conversations.ThreeSpeakers, cut: []);
        var before = labels.ToArray();

        var merged = merging.Merge(features, speechFrames, labels, pitch, SpeakerCountHint.None, CancellationToken.None);

        Assert.False(merged);
        Assert.Equal(before, labels);
    }

    [Fact]
    public async Task Merge_MoreClustersThanTheCountGiven_MergesEachVoicesOwnClustersNotTwoPeople()
    {
        // All three voices cut in two: six clusters for speakers_expected 3.
        var (features, speechFrames, pitch, labels, truth) = await LabelsAsync(conversations.ThreeSpeakers, cut: [0, 1, 2]);

        merging.Merge(features, speechFrames, labels, pitch, new SpeakerCountHint(Exact: 3), CancellationToken.None);

        AssertOneLabelPerVoice(labels, truth, voices: 3);
    }

    [Fact]
    public async Task Merge_TwoVoicesGivenAtMostOne_MergesThemAll()
    {
        var (features, speechFrames, pitch, labels, _) = await LabelsAsync(conversations.TwoSpeakers, cut: []);

        merging.Merge(features, speechFrames, labels, pitch, new SpeakerCountHint(Max: 1), CancellationToken.None);

        Assert.Single(labels.Distinct());
    }

    [Fact]
    public async Task Merge_TwoVoicesFarApartInPitchBelowTheGainLine_StayApartUnlessACountRequires()
    {
        // flite slt and espeak-ng en-us+m3 are an octave or so apart; a gain line no pair reaches makes the MFCC
        // test call them alike, so only the pitch keeps them apart.
        var (features, speechFrames, pitch, labels, _) = await LabelsAsync(conversations.TwoSpeakers, cut: []);
        var alikeByGain = DiarizerSettings.Default with { TwoVoicesHeldOutGain = 100 };

        var mergedWithPitch = new AlikeSpeakerMerging(alikeByGain).Merge(features, speechFrames, labels.ToArray(), pitch, SpeakerCountHint.None, CancellationToken.None);
        var mergedWithoutPitch = new AlikeSpeakerMerging(alikeByGain with { TwoVoicesPitchSemitones = double.PositiveInfinity })
            .Merge(features, speechFrames, labels.ToArray(), pitch, SpeakerCountHint.None, CancellationToken.None);
        var mergedForCount = new AlikeSpeakerMerging(alikeByGain).Merge(features, speechFrames, labels.ToArray(), pitch, new SpeakerCountHint(Max: 1), CancellationToken.None);

        Assert.False(mergedWithPitch);
        Assert.True(mergedWithoutPitch);
        Assert.True(mergedForCount);
    }

    /// <summary>Every voice under one label of its own.</summary>
    private static void AssertOneLabelPerVoice(int[] labels, int[] truth, int voices)
    {
        var pairs = labels.Zip(truth).Distinct().ToArray();
        Assert.True(pairs.Length == voices && pairs.Select(pair => pair.First).Distinct().Count() == voices,
            $"label of each voice: {string.Join(", ", pairs.Select(pair => $"voice {pair.Second} → {pair.First}"))}");
    }

    /// <summary>
    /// The speech frames inside reference turns, each labelled with its speaker; each speaker in <paramref name="cut"/>
    /// has every other turn moved to a label of its own, as if clustering had split that voice in two.
    /// </summary>
    private static async Task<(FeatureMatrix Features, int[] SpeechFrames, float[] Pitch, int[] Labels, int[] Truth)> LabelsAsync(Conversation conversation, int[] cut)
    {
        using var audio = await new AudioDecoder().DecodeAsync(conversation.Path, CancellationToken.None);
        var features = new MfccExtractor().Extract(audio, CancellationToken.None);
        var speech = SpeechActivity.Detect(FrameLoudness.Measure(audio));
        var (frames, labels, truth) = (new List<int>(), new List<int>(), new List<int>());
        var turnsSeen = new int[conversation.SpeakerCount];
        foreach (var turn in conversation.Reference)
        {
            var alternate = cut.Contains(turn.Speaker) && turnsSeen[turn.Speaker]++ % 2 == 1;
            for (var frame = turn.StartMs / 10; frame < Math.Min(turn.EndMs / 10, speech.Length); frame++)
            {
                if (speech[frame])
                {
                    frames.Add(frame);
                    truth.Add(turn.Speaker);
                    labels.Add(alternate ? conversation.SpeakerCount + turn.Speaker : turn.Speaker);
                }
            }
        }

        // Numbered from 0 in order of appearance.
        var numbers = new Dictionary<int, int>();
        return (features, frames.ToArray(), PitchTracker.LogPitch(audio, frames.ToArray(), CancellationToken.None), labels.Select(label => numbers.TryGetValue(label, out var n) ? n : numbers[label] = numbers.Count).ToArray(), truth.ToArray());
    }
}
