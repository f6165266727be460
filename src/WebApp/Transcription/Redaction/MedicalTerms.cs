namespace WebApp.Transcription.Redaction;

/// <summary>Medical vocabulary: conditions, drugs, procedures, injuries, as the recognizer spells them.</summary>
internal static class MedicalTerms
{
    public static readonly WordPhrases Conditions = new(
    [
        "diabetes", "type one diabetes", "type two diabetes", "type 1 diabetes", "type 2 diabetes", "hypertension",
        "high blood pressure", "low blood pressure", "high cholesterol", "asthma", "cancer", "breast cancer",
        "lung cancer", "prostate cancer", "skin cancer", "colon cancer", "leukemia", "lymphoma", "melanoma",
        "tumor", "brain tumor", "covid", "covid 19", "coronavirus", "influenza", "the flu", "pneumonia",
        "bronchitis", "arthritis", "rheumatoid arthritis", "osteoarthritis", "osteoporosis", "alzheimer's",
        "alzheimers", "alzheimer's disease", "dementia", "parkinson's", "parkinsons", "parkinson's disease",
        "autism", "adhd", "a d h d", "epilepsy", "seizures", "migraine", "migraines", "heart disease",
        "heart failure", "heart attack", "coronary artery disease", "arrhythmia", "atrial fibrillation", "stroke",
        "allergies", "allergy", "eczema", "psoriasis", "lupus", "multiple sclerosis", "sclerosis",
        "schizophrenia", "bipolar disorder", "bipolar", "ptsd", "p t s d", "ocd", "o c d", "anorexia", "bulimia",
        "insomnia", "sleep apnea", "obesity", "anemia", "tuberculosis", "hepatitis", "hepatitis c", "hiv", "h i v",
        "aids", "measles", "mumps", "chickenpox", "chicken pox", "shingles", "strep throat", "sinus infection",
        "ear infection", "urinary tract infection", "kidney stones", "kidney disease", "kidney failure",
        "liver disease", "cirrhosis", "fibromyalgia", "celiac disease", "crohn's disease", "irritable bowel syndrome",
        "acid reflux", "gerd", "copd", "c o p d", "emphysema", "glaucoma", "cataracts", "hypothyroidism",
        "hyperthyroidism", "gout", "hernia", "appendicitis", "chronic fatigue syndrome", "depression", "anxiety",
        "panic attacks", "postpartum depression", "addiction", "alcoholism", "sepsis", "scoliosis",
        "cerebral palsy", "down syndrome", "cystic fibrosis", "muscular dystrophy", "sickle cell anemia",
    ]);

    /// <summary>Conditions that are also everyday words ("the depression of the thirties", "a stroke of luck").</summary>
    public static readonly IReadOnlySet<string> ConditionsNeedingCue = new HashSet<string>(
        ["depression", "anxiety", "stroke", "aids", "cancer", "tumor", "allergy", "bipolar", "addiction", "sclerosis"],
        StringComparer.Ordinal);

    public static readonly WordPhrases ConditionCues = new(
    [
        "have", "has", "had", "having", "diagnosed", "diagnosed with", "suffer", "suffers", "suffering", "suffered",
        "treated for", "treatment for", "history of", "living with", "battling", "fighting", "developed", "got",
        "with", "from", "of", "for", "my", "his", "her",
    ]);

    public static readonly WordPhrases Drugs = new(
    [
        "ibuprofen", "advil", "motrin", "tylenol", "acetaminophen", "aspirin", "aleve", "naproxen", "insulin",
        "metformin", "lisinopril", "atorvastatin", "lipitor", "simvastatin", "amlodipine", "metoprolol",
        "omeprazole", "prilosec", "losartan", "albuterol", "gabapentin", "levothyroxine", "synthroid",
        "hydrochlorothiazide", "prednisone", "amoxicillin", "penicillin", "azithromycin", "antibiotics",
        "antibiotic", "prozac", "zoloft", "sertraline", "fluoxetine", "lexapro", "xanax", "valium", "ambien",
        "adderall", "ritalin", "oxycodone", "hydrocodone", "vicodin", "percocet", "morphine", "codeine",
        "fentanyl", "methadone", "warfarin", "coumadin", "eliquis", "plavix", "viagra", "benadryl", "claritin",
        "zyrtec", "sudafed", "nyquil", "dayquil", "pepto bismol", "tums", "vitamin d", "vitamin c", "vitamin b12",
        "melatonin", "ozempic", "wegovy", "humira", "chemotherapy drugs", "birth control", "antidepressants",
        "steroids", "opioids",
    ]);

    public static readonly WordPhrases Procedures = new(
    [
        "surgery", "heart surgery", "open heart surgery", "bypass surgery", "knee surgery", "back surgery",
        "hip replacement", "knee replacement", "c section", "cesarean", "appendectomy", "tonsillectomy",
        "mastectomy", "hysterectomy", "vasectomy", "colonoscopy", "endoscopy", "biopsy", "mammogram", "ct scan",
        "c t scan", "cat scan", "mri", "m r i", "x ray", "x-ray", "ultrasound", "ekg", "e k g", "blood test",
        "blood work", "physical therapy", "chemotherapy", "chemo", "radiation therapy", "dialysis", "transplant",
        "kidney transplant", "liver transplant", "vaccination", "flu shot", "physical exam", "checkup",
        "root canal", "stitches", "therapy", "counseling", "rehab", "rehabilitation",
    ]);

    /// <summary>"I broke my arm", "a sprained wrist": a harm word followed, within two words, by a body part.</summary>
    public static readonly IReadOnlySet<string> InjuryVerbs = new HashSet<string>(
    [
        "broke", "broken", "sprained", "fractured", "twisted", "dislocated", "torn", "tore", "hurt", "injured",
        "bruised", "burned", "pulled", "strained", "cracked", "bruise",
    ], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> BodyParts = new HashSet<string>(
    [
        "arm", "arms", "leg", "legs", "wrist", "ankle", "knee", "knees", "hip", "shoulder", "elbow", "hand", "hands",
        "finger", "fingers", "thumb", "toe", "toes", "foot", "feet", "back", "neck", "spine", "rib", "ribs", "nose",
        "jaw", "skull", "collarbone", "pelvis", "hamstring", "acl", "a c l", "achilles", "tendon", "ligament",
        "muscle", "head",
    ], StringComparer.Ordinal);

    public static readonly WordPhrases Injuries = new(
        ["concussion", "whiplash", "fracture", "sprain", "laceration", "burns", "bruises", "broken bone", "torn acl"]);
}
