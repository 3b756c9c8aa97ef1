#!/bin/sh
# Opens our exports with real clients:
#  - LibreOffice (headless) recomputes the XLSX formulas — with their cached values removed first,
#    so the numbers can only come from the formulas — and they must equal libsurvey's report;
#  - poppler's pdfinfo/pdftotext read the PDF: page count, chapter headings, the IKM value.
# Usage: real_clients.sh PATH/TO/suarawarga-cli. Exit 77 (skipped) when a client is missing.
set -eu
CLI=${1:?usage: real_clients.sh suarawarga-cli}
for tool in soffice pdfinfo pdftotext python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (apt-get install libreoffice-calc-nogui poppler-utils python3)"
    exit 77
  fi
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/unit.db"

"$CLI" simulate --demo --db "$DB" --count 2000 --batch 2000 --quiet >/dev/null
"$CLI" report --db "$DB" --format json > "$WORK/report.json"
"$CLI" export --db "$DB" --format xlsx --out "$WORK/skm.xlsx" >/dev/null
"$CLI" export --db "$DB" --format pdf --out "$WORK/skm.pdf" >/dev/null

# 1. XLSX: drop every cached formula result, let LibreOffice recalculate on load.
python3 - "$WORK/skm.xlsx" "$WORK/nocache.xlsx" <<'PY'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    stripped = 0
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename.startswith("xl/worksheets/sheet"):
            text = data.decode("utf-8")
            text, n = re.subn(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", text)
            text = text.replace(' t="str"', "")
            stripped += n
            data = text.encode("utf-8")
        zout.writestr(item, data)
    if stripped < 40:
        sys.exit("expected the Pengolahan formulas in the workbook, found %d" % stripped)
PY
PROFILE="$WORK/lo-profile"
mkdir -p "$PROFILE/user"
cat > "$PROFILE/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
# Token 12 of the CSV filter options picks the sheet (2 = Pengolahan; LibreOffice >= 7.2).
(cd "$WORK" && soffice -env:UserInstallation=file://"$PROFILE" --headless --norestore \
   --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2' \
   --outdir "$WORK/out" "$WORK/nocache.xlsx" >/dev/null 2>&1)
CSV=$(ls "$WORK"/out/*.csv | head -1)
[ -s "$CSV" ] || { echo "FAIL: LibreOffice produced no CSV"; exit 1; }

python3 - "$CSV" "$WORK/report.json" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
rep = json.load(open(sys.argv[2]))
def row(label):
    for r in rows:
        if r and r[0].startswith(label):
            return r
    sys.exit("FAIL: no row %r in the recalculated Pengolahan sheet" % label)
def num(s):
    return float(s.replace(",", "."))
bad = []
sums, ns, nrr = row("Σ nilai persepsi"), row("Jumlah responden menjawab"), row("NRR")
for i, u in enumerate(rep["unsur"]):
    if num(sums[1 + i]) != u["sum"]: bad.append("Σ %s: %s vs %s" % (u["code"], sums[1 + i], u["sum"]))
    if num(ns[1 + i]) != u["n"]: bad.append("n %s: %s vs %s" % (u["code"], ns[1 + i], u["n"]))
    if abs(num(nrr[1 + i]) - u["nrr"]) > 0.0005: bad.append("NRR %s: %s vs %s" % (u["code"], nrr[1 + i], u["nrr"]))
ikm = num(row("IKM (skala 1")[1]); unit = num(row("IKM unit")[1]); mutu = row("Mutu pelayanan")[1]
if abs(ikm - rep["ikm"]) > 0.0005: bad.append("IKM %s vs %s" % (ikm, rep["ikm"]))
if abs(unit - rep["ikm_unit"]) > 0.005: bad.append("IKM unit %s vs %s" % (unit, rep["ikm_unit"]))
if mutu != rep["mutu"]: bad.append("mutu %s vs %s" % (mutu, rep["mutu"]))
if bad:
    sys.exit("FAIL: LibreOffice's recalculation differs from libsurvey:\n  " + "\n  ".join(bad))
print("XLSX OK: LibreOffice recomputed Σ, n, NRR for %d unsur, IKM %.3f, IKM unit %.2f, mutu %s = libsurvey"
      % (len(rep["unsur"]), ikm, unit, mutu))
PY

# 2. PDF: pages, headings, the IKM value as printed (Indonesian decimal comma).
PAGES=$(pdfinfo "$WORK/skm.pdf" | awk '/^Pages:/ {print $2}')
[ "${PAGES:-0}" -ge 5 ] || { echo "FAIL: the PDF has ${PAGES:-0} pages, expected at least 5"; exit 1; }
pdftotext "$WORK/skm.pdf" "$WORK/skm.txt"
for heading in "BAB I" "BAB II" "BAB III" "BAB IV" "BAB V" "P2HAM" "Krejcie"; do
  grep -q "$heading" "$WORK/skm.txt" || { echo "FAIL: \"$heading\" is not in the PDF text"; exit 1; }
done
IKM=$(python3 -c "import json,sys; v=json.load(open(sys.argv[1]))['ikm_unit']; print(('%.2f' % (int(v*100+0.5)/100)).replace('.', ','))" "$WORK/report.json")
grep -q "$IKM" "$WORK/skm.txt" || { echo "FAIL: the IKM $IKM is not in the PDF text"; exit 1; }
echo "PDF OK: $PAGES pages, BAB I-V and P2HAM headings, IKM $IKM present"
