namespace Verbatim.Bench.Diarization;

/// <summary>
/// What the made-up speakers say: one script for the tuning part and a different one for the held-out part, so no
/// sentence the diarizer was tuned on is heard again when it is scored.
/// </summary>
internal sealed record DiarizationScript(string Name, IReadOnlyList<string> Sentences, IReadOnlyList<string> ShortLines)
{
    public static DiarizationScript Tuning { get; } = new("tuning",
    [
        "The committee will meet again on Thursday to review the budget for next year.",
        "She opened the window and listened to the rain falling on the garden.",
        "We should call the office tomorrow morning and ask about the delivery.",
        "The old bridge across the river was closed for repairs last summer.",
        "Please remember to turn off the lights when you leave the building.",
        "Our train was late because of snow on the line near the station.",
        "The doctor said that a short walk every day would help him recover.",
        "I would like to book a table for four people at seven o'clock.",
        "After dinner the children played games in the living room until bedtime.",
        "My sister moved to the city to work for a small design company.",
        "We walked along the beach and watched the boats come back to the harbour.",
        "Could you send me a copy of the contract before the meeting on Monday?",
        "Every morning the baker opens his shop at six and sells fresh bread.",
        "I think we need more time to test the new version before we ship it.",
        "The numbers for the third quarter look better than anyone expected.",
        "If the supplier cannot deliver on time we will have to find another one.",
        "Let me share my screen so that everyone can see the latest figures.",
        "The customer asked whether the price includes installation and support.",
        "Two of the servers went down last night and nobody noticed until morning.",
        "We agreed to hire a second designer once the new budget is approved.",
    ],
    [
        "Yes, that sounds right to me.", "No, I don't think so.", "Okay, let's do that then.", "Really? I had no idea.",
        "Sure, I can do that.", "Wait, which one do you mean?", "That's a good question.", "Right, go on.",
        "I agree with that.", "Maybe next week instead.",
    ]);

    public static DiarizationScript HeldOut { get; } = new("held-out",
    [
        "Most of the students finished their work before the end of the afternoon.",
        "He spent the whole evening reading letters that his grandfather had written.",
        "The new library has a quiet room where people can study all day.",
        "They planted apple trees along the road that leads to the farm.",
        "The price of coffee has gone up again in most of the shops in town.",
        "The report shows that sales were higher in the spring than in the winter.",
        "The museum will be open late on Friday for a special exhibition.",
        "The engineers tested the new engine for three weeks before the flight.",
        "The weather was warm enough to eat lunch outside in the park.",
        "She wrote a long letter to her friend who lives in another country.",
        "The team worked late to finish the project before the holiday.",
        "Nobody in the village could remember a winter as cold as this one.",
        "The pilot announced that we would land twenty minutes ahead of schedule.",
        "Our neighbours are building a small house for their chickens behind the garage.",
        "The results of the survey will be published at the end of the month.",
        "He always takes the long way home so that he can pass the old mill.",
        "A good map and a warm coat are all you need for that mountain path.",
        "The orchestra practised the second movement until it sounded perfect.",
        "Several readers wrote to the paper to complain about the new parking rules.",
        "The kitchen will be closed on Sunday while the floor is being replaced.",
    ],
    [
        "Hmm, I'm not so sure.", "Exactly, that's my point.", "Can you say that again?", "Fine by me.",
        "Oh, that's a shame.", "Let's move on then.", "Thanks, that helps a lot.", "Good idea.",
        "I'll check and get back to you.", "Not yet, sorry.",
    ]);
}
