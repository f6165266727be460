using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class MedicalPiiTests
{
    [Theory]
    [InlineData("i have type two diabetes", "medical_condition: type two diabetes")]
    [InlineData("she was diagnosed with depression", "medical_condition: depression")]
    [InlineData("he had a stroke last year", "medical_condition: stroke")]
    [InlineData("my asthma is worse", "medical_condition: asthma")]
    [InlineData("her father has alzheimer's", "medical_condition: alzheimer's")]
    [InlineData("living with crohn's disease", "medical_condition: crohn's disease")]
    [InlineData("take two ibuprofen", "drug: ibuprofen")]
    [InlineData("i'm on metformin", "drug: metformin")]
    [InlineData("she needs knee surgery", "medical_process: knee surgery")]
    [InlineData("an mri of the head", "medical_process: mri")]
    [InlineData("i broke my arm", "injury: broke my arm")]
    [InlineData("a sprained wrist", "injury: sprained wrist")]
    [InlineData("my blood type is o negative", "blood_type: o negative")]
    [InlineData("blood type a b positive", "blood_type: a b positive")]
    public void MedicalInformation(string script, string found) =>
        Assert.Equal([found], SpokenPii.Found(script, PiiPolicy.MedicalCondition, PiiPolicy.Drug, PiiPolicy.MedicalProcess, PiiPolicy.Injury, PiiPolicy.BloodType));

    [Theory]
    [InlineData("the great depression changed everything")]
    [InlineData("a stroke of luck")]
    [InlineData("a positive attitude")]
    [InlineData("we went to the park")]
    public void MedicalInformation_NotEverydayWords(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.MedicalCondition, PiiPolicy.Drug, PiiPolicy.MedicalProcess, PiiPolicy.Injury, PiiPolicy.BloodType));
}
