using System.Globalization;
using WebApp.Transcription.Diarization;

namespace Verbatim.Bench.Diarization;

/// <summary>
/// For tuning rounds: <c>VERBATIM_DIARIZER="BicPenaltyWeight=5;ClusterFrameCap=3000"</c> replaces those settings, so a
/// value can be tried on the tuning part without a rebuild.
/// </summary>
internal static class DiarizerSettingsOverride
{
    public static DiarizerSettings Apply(DiarizerSettings settings)
    {
        var text = Environment.GetEnvironmentVariable("VERBATIM_DIARIZER");
        if (string.IsNullOrWhiteSpace(text))
        {
            return settings;
        }

        var constructor = typeof(DiarizerSettings).GetConstructors().Single(c => c.GetParameters().Length > 1);
        var values = constructor.GetParameters().Select(parameter => typeof(DiarizerSettings).GetProperty(parameter.Name!)!.GetValue(settings)).ToArray();
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=')[0].Trim(), pair.Split('=')[1].Trim());
            var index = Array.FindIndex(constructor.GetParameters(), parameter => parameter.Name == name);
            if (index < 0)
            {
                throw new ArgumentException($"DiarizerSettings has no {name}.");
            }

            values[index] = Convert.ChangeType(value, constructor.GetParameters()[index].ParameterType, CultureInfo.InvariantCulture);
        }

        var changed = (DiarizerSettings)constructor.Invoke(values);
        Console.WriteLine($" settings: {changed}");
        return changed;
    }
}
