namespace WebApp.Transcription.Redaction;

/// <summary>AssemblyAI's PiiPolicy names (redact_pii_policies), and which of them this server can find.</summary>
public static class PiiPolicy
{
    public const string AccountNumber = "account_number";
    public const string BankingInformation = "banking_information";
    public const string BloodType = "blood_type";
    public const string CreditCardCvv = "credit_card_cvv";
    public const string CreditCardNumber = "credit_card_number";
    public const string Date = "date";
    public const string DateInterval = "date_interval";
    public const string DateOfBirth = "date_of_birth";
    public const string Drug = "drug";
    public const string Duration = "duration";
    public const string EmailAddress = "email_address";
    public const string Event = "event";
    public const string GenderSexuality = "gender_sexuality";
    public const string Injury = "injury";
    public const string Language = "language";
    public const string Location = "location";
    public const string MaritalStatus = "marital_status";
    public const string MedicalCondition = "medical_condition";
    public const string MedicalProcess = "medical_process";
    public const string MoneyAmount = "money_amount";
    public const string Nationality = "nationality";
    public const string NumberSequence = "number_sequence";
    public const string Occupation = "occupation";
    public const string Organization = "organization";
    public const string PersonAge = "person_age";
    public const string PersonName = "person_name";
    public const string PhoneNumber = "phone_number";
    public const string PoliticalAffiliation = "political_affiliation";
    public const string Religion = "religion";
    public const string Time = "time";
    public const string Url = "url";
    public const string UsSocialSecurityNumber = "us_social_security_number";
    public const string ZodiacSign = "zodiac_sign";

    /// <summary>Every policy name AssemblyAI's API accepts, so a caller can tell "unknown" from "not supported here".</summary>
    public static readonly IReadOnlySet<string> AssemblyAiPolicies = new HashSet<string>(
    [
        AccountNumber, BankingInformation, BloodType, CreditCardCvv, "credit_card_expiration", CreditCardNumber, Date,
        DateInterval, DateOfBirth, "drivers_license", Drug, Duration, EmailAddress, Event, "filename", GenderSexuality,
        "healthcare_number", Injury, "ip_address", Language, Location, MaritalStatus, MedicalCondition, MedicalProcess,
        MoneyAmount, Nationality, NumberSequence, Occupation, Organization, "passport_number", "password", PersonAge,
        PersonName, PhoneNumber, "physical_attribute", PoliticalAffiliation, Religion, "statistics", Time, Url,
        UsSocialSecurityNumber, "username", "vehicle_id", ZodiacSign,
    ], StringComparer.Ordinal);

    /// <summary>The policies <see cref="PiiRedactor"/> implements; asking for any other is an error, never a silent no-op.</summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(
    [
        AccountNumber, BankingInformation, BloodType, CreditCardCvv, CreditCardNumber, Date, DateInterval, DateOfBirth,
        Drug, Duration, EmailAddress, Event, GenderSexuality, Injury, Language, Location, MaritalStatus, MedicalCondition,
        MedicalProcess, MoneyAmount, Nationality, NumberSequence, Occupation, Organization, PersonAge, PersonName,
        PhoneNumber, PoliticalAffiliation, Religion, Time, Url, UsSocialSecurityNumber, ZodiacSign,
    ], StringComparer.Ordinal);
}
