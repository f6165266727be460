using System.Collections.Frozen;
using System.Globalization;

namespace WebApp.Transcription.Insights;

/// <summary>
/// The word lists <see cref="SentimentAnalyzer"/> scores with, on VADER's scale (valence from −4, most negative, to +4,
/// most positive). Written for this project from common English sentiment words, not copied from VADER's published
/// lexicon: about 500 words, so rarer words, slang and emoticons score nothing (neutral).
/// </summary>
internal static class SentimentLexicon
{
    public static FrozenDictionary<string, double> Valence { get; } = Parse(
        """
        abandon -1.9 abandoned -2.0 abuse -3.2 abused -3.2 abusive -3.2 accept 1.0 accepted 1.1 accomplish 1.8 accomplished 1.9
        ache -1.6 aching -1.7 admire 2.1 admired 2.1 adorable 2.2 adore 2.6 advantage 1.0 afraid -2.0 aggressive -1.6 agony -3.0
        agree 1.4 agreed 1.2 alarm -1.4 alarmed -1.4 alarming -1.7 alone -1.0 amazed 2.2 amazing 2.8 amused 1.6 anger -2.7
        angry -2.3 anguish -2.9 annoyed -1.6 annoying -1.8 anxious -1.0 anxiety -1.4 apologize -0.4 appalling -2.9 appreciate 1.7
        appreciated 2.0 approve 1.6 approved 1.5 argue -1.4 argument -1.5 arrogant -1.8 ashamed -2.1 attack -2.1 attacked -2.0
        attractive 1.9 awesome 3.1 awful -2.0 awkward -0.6 bad -2.5 badly -2.1 bankrupt -2.6 beautiful 2.9 beloved 2.3 benefit 2.0
        benefits 1.6 best 3.2 better 1.9 betray -3.0 betrayed -3.0 bitter -1.8 blame -1.4 blamed -2.1 bless 1.8 blessed 2.9
        bliss 2.7 bored -1.1 boring -1.3 brave 2.4 breakthrough 1.9 brilliant 2.8 broke -1.8 broken -2.1 brutal -3.1 bug -1.1
        burden -1.9 calm 1.3 cancel -1.0 cancelled -1.0 care 2.2 careful 0.6 careless -1.5 catastrophe -3.4 celebrate 2.7
        celebrated 2.7 celebration 2.7 chaos -2.7 charming 2.8 cheap -0.7 cheat -2.0 cheated -1.9 cheer 2.3 cheerful 2.5 clean 1.7
        clever 2.0 comfort 1.5 comfortable 2.2 complain -1.5 complaint -1.5 complicated -0.9 concern -0.5 concerned -0.8
        confident 2.2 confused -1.3 confusing -0.9 congratulations 2.9 cool 1.3 corrupt -3.0 cost -0.2 crap -1.6 crash -1.7
        crazy -1.4 creative 1.9 crime -2.5 crisis -3.1 critical -0.7 criticize -1.9 cruel -2.8 cry -2.1 crying -2.1 damage -2.2
        damaged -1.9 danger -2.4 dangerous -2.1 dead -3.3 death -2.9 debt -1.5 deceive -1.7 defeat -2.0 defeated -2.1 defect -1.4
        delay -1.3 delayed -0.9 delight 2.9 delighted 3.1 delightful 2.9 depressed -2.3 depressing -2.5 deserve 0.9 despair -2.6
        desperate -1.3 destroy -2.5 destroyed -3.4 destruction -2.7 difficult -1.5 disappoint -2.3 disappointed -1.9
        disappointing -2.2 disappointment -2.3 disaster -3.1 disgusting -2.4 dislike -1.6 dismal -3.0 distress -2.4 disturbing -2.3
        doubt -1.5 dread -2.0 dreadful -2.7 dull -1.7 eager 1.5 ease 1.5 easy 1.9 effective 2.1 efficient 1.8 elegant 2.1
        embarrassed -1.5 embarrassing -1.6 encourage 2.3 encouraged 1.5 encouraging 2.4 energetic 1.8 enjoy 2.2 enjoyed 2.3
        enthusiastic 1.9 error -1.7 errors -1.4 evil -3.4 excellent 2.7 excited 1.4 exciting 2.2 exhausted -1.5 expensive -0.9
        fabulous 2.4 fail -2.5 failed -2.3 failing -2.3 failure -2.3 fair 1.3 fake -2.1 fantastic 2.6 fault -1.7 favorite 2.0
        fear -2.2 fearful -2.2 fine 0.8 fired -2.6 flawed -1.5 fool -1.9 fortunate 1.9 free 2.3 fresh 1.3 friend 2.2 friendly 2.2
        frightened -1.9 frustrated -2.4 frustrating -1.9 frustration -2.1 fun 2.3 funny 1.9 furious -2.7 generous 2.3 genius 1.9
        gentle 1.9 gift 1.9 glad 2.0 glorious 3.2 good 1.9 gorgeous 3.0 grateful 2.0 great 3.1 greatest 3.2 grief -2.2 grim -2.7
        gross -2.1 guilty -1.8 happily 1.9 happiness 2.6 happy 2.7 harm -2.5 harmful -2.3 harsh -1.9 hate -2.7 hated -3.2
        hateful -2.2 healthy 1.7 heartbroken -3.3 help 1.7 helped 1.7 helpful 1.8 helpless -2.0 hero 2.6 honest 2.3 hope 1.9
        hopeful 2.3 hopeless -2.0 horrible -2.5 horrific -3.4 horror -2.7 hostile -2.2 hurt -2.4 hurting -2.0 ideal 2.4 idiot -2.3
        ignore -1.5 ignored -1.3 ill -1.8 impossible -1.3 impress 1.9 impressed 2.1 impressive 2.3 improve 1.9 improved 2.1
        improvement 2.0 inadequate -1.7 incompetent -2.0 incredible 2.2 inferior -1.7 injured -1.7 injury -2.0 insane -1.7
        inspire 2.7 inspired 2.2 inspiring 1.8 insult -2.3 insulted -2.3 interesting 1.7 irritated -2.0 irritating -2.0 joke 1.2
        joy 2.8 joyful 2.9 kill -3.7 killed -3.5 kind 2.4 kindness 2.0 lame -1.8 laugh 2.6 laughing 2.2 lazy -1.5 liar -3.1
        lie -1.7 liked 1.8 lonely -2.0 lose -1.7 loser -2.4 losing -1.6 loss -1.3 lost -1.3 love 3.2 loved 2.9 lovely 2.8
        loving 2.9 luck 2.0 lucky 1.8 mad -2.2 magnificent 2.9 mess -1.5 messy -1.5 miserable -2.2 misery -2.7 miss -0.6
        missed -1.2 mistake -1.4 mistakes -1.5 moody -1.5 nasty -2.6 neat 2.0 negative -2.7 neglect -2.0 nervous -1.1 nice 1.8
        nightmare -2.1 noisy -0.7 obsolete -1.2 offend -1.2 offended -1.0 ok 1.2 okay 0.9 outrage -2.3 outraged -2.5
        outstanding 3.0 overwhelmed -0.4 pain -2.3 painful -2.4 panic -2.3 paradise 3.2 passion 2.0 pathetic -2.7 peace 2.5
        peaceful 2.2 perfect 2.7 perfectly 3.2 pity -1.2 pleasant 2.3 please 1.3 pleased 1.9 pleasure 2.7 polite 1.8 poor -2.1
        popular 1.8 positive 2.6 powerful 1.8 praise 2.6 problem -1.7 problems -1.7 productive 1.8 progress 1.8
        promise 1.3 protect 1.3 proud 2.1 punish -2.4 quality 1.0 quit -1.1 rage -2.6 recommend 1.5 recommended 1.9 refund -0.4
        refuse -1.2 regret -1.8 reject -1.7 rejected -2.3 relax 1.9 relaxed 2.2 relief 2.1 relieved 1.6 reliable 1.9 remarkable 2.6
        resent -1.6 respect 2.1 reward 2.1 rich 2.6 ridiculous -1.5 risk -1.1 risky -0.8 rude -2.0 ruin -2.8 ruined -2.1 sad -2.1
        sadly -1.8 sadness -1.9 safe 1.9 satisfied 1.8 satisfying 2.0 scam -2.7 scared -1.9 scary -2.2 screwed -2.2 secure 1.4
        selfish -2.1 shame -2.1 shameful -2.2 shock -1.6 shocked -1.3 shocking -1.7 sick -2.3 silly 0.1 slow -0.9 smart 1.7
        smile 1.5 smooth 1.4 solid 1.1 solution 1.3 sorry -0.3 special 1.7 splendid 2.8 stable 1.2 steal -2.2 stolen -2.2
        strong 2.3 struggle -1.3 struggling -1.4 stuck -1.0 stupid -2.4 succeed 2.2 success 2.7 successful 2.8 suffer -2.5
        suffering -2.1 super 2.9 superb 3.1 support 1.7 supportive 2.1 sure 1.3 surprised 0.9 sweet 2.0 talent 1.8 talented 2.3
        terrible -2.1 terrific 3.4 terrified -3.0 terror -2.4 thank 1.5 thankful 2.7 thanks 1.9 threat -2.4 threaten -2.2 tired -1.9
        toxic -2.4 tragedy -3.4 tragic -3.1 trouble -1.7 troubled -2.0 trust 2.3 ugly -2.3 unable -1.2 unacceptable -2.0 unclear -1.0
        unfair -2.1 unfortunate -2.0 unfortunately -1.4 unhappy -1.8 unpleasant -2.1 unreliable -1.9 upset -1.6 useful 1.9
        useless -1.8 valuable 2.1 victim -1.1 victory 2.7 violence -3.1 violent -2.9 warm 0.9 waste -1.8 wasted -2.2 weak -1.9
        wealthy 2.2 weird -0.7 welcome 2.0 win 2.8 winner 2.8 winning 2.4 wise 1.8 wonderful 2.7 worried -1.2 worry -1.9
        worse -2.1 worst -3.1 worthless -1.9 worthy 1.9 wow 2.8 wrong -2.1 yay 2.4 yes 1.7 yummy 2.4
        """);

    /// <summary>Words that make the sentiment word after them stronger (positive) or weaker (negative); not sentiments themselves.</summary>
    public static FrozenDictionary<string, double> Boosters { get; } = Parse(
        """
        absolutely 1 amazingly 1 awfully 1 completely 1 considerably 1 decidedly 1 deeply 1 enormously 1 entirely 1
        especially 1 exceptionally 1 extremely 1 greatly 1 highly 1 hugely 1 incredibly 1 intensely 1 most 1 more 1
        particularly 1 pretty 1 purely 1 quite 1 really 1 remarkably 1 so 1 substantially 1 thoroughly 1 totally 1 tremendously 1
        truly 1 unbelievably 1 utterly 1 very 1
        almost -1 barely -1 hardly -1 kinda -1 less -1 little -1 marginally -1 occasionally -1 partly -1 scarcely -1
        slightly -1 somewhat -1 sorta -1
        """);

    /// <summary>Words that flip the sentiment of what follows within three words ("not good", "never happy").</summary>
    public static FrozenSet<string> Negations { get; } = FrozenSet.ToFrozenSet(
    [
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot", "without", "rarely",
        "seldom", "aint", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt",
        "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "neednt", "mustnt",
    ]);

    private static FrozenDictionary<string, double> Parse(string pairs)
    {
        var fields = pairs.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, fields.Length / 2)
            .ToFrozenDictionary(i => fields[2 * i], i => double.Parse(fields[2 * i + 1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }
}
