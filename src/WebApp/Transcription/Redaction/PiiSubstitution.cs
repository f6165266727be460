namespace WebApp.Transcription.Redaction;

/// <summary>AssemblyAI's redact_pii_sub: how a redacted word is written.</summary>
public enum PiiSubstitution
{
    /// <summary>"hash" (the default): every letter and digit becomes '#', so "555-1234." reads "###-####.".</summary>
    Hash,

    /// <summary>"entity_name": the entity's words become one word naming the policy, "[PERSON_NAME]".</summary>
    EntityName,
}

public static class PiiSubstitutionNames
{
    /// <summary>Reads redact_pii_sub; null means AssemblyAI's default, hash.</summary>
    public static bool TryParse(string? value, out PiiSubstitution substitution)
    {
        (var known, substitution) = value switch
        {
            null or "hash" => (true, PiiSubstitution.Hash),
            "entity_name" => (true, PiiSubstitution.EntityName),
            _ => (false, PiiSubstitution.Hash),
        };
        return known;
    }
}
