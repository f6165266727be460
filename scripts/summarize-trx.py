"""Prints the plain closing line CI reads, "N passed, N failed, N skipped", from dotnet test's TRX files."""
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        continue
    for result in root.iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}UnitTestResult"):
        outcome = result.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome == "NotExecuted":
            skipped += 1
        else:
            failed += 1
            print(f"FAILED: {result.get('testName')}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
