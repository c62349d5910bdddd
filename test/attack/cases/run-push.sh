#!/usr/bin/env bash
# Pushes attack inputs to the CLI's own loopback emulator (no --dry-run) and records the exit
# code, output, JSON report and the written workbook under test/attack/cases/results/push-*.
# Usage: test/attack/cases/run-push.sh [name-filter]
set -u
cd "$(dirname "$0")/../../.."
dir=test/attack/cases
g=$dir/generated
mkdir -p "$dir/results"

run() {
  local name=$1
  shift
  npm start --silent -- --settings "$dir/settings.json" \
    --report "$dir/results/push-$name.json" --out "$dir/results/push-$name.out.xlsx" "$@" \
    >"$dir/results/push-$name.stdout" 2>"$dir/results/push-$name.stderr"
  echo "$?" >"$dir/results/push-$name.rc"
}

filter=${1:-}
while IFS='|' read -r name args; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
  eval "run $name $args" &
  while (($(jobs -r | wc -l) >= 4)); do sleep 0.2; done
done <<LIST
a01|--file $g/a01-upc-numbers.xlsx
a02|--file $g/a02-upc-text-forms.xlsx
a04|--file $g/a04-style-numbers.xlsx
a05|--file $g/a05-sizes.xlsx
a06|--file $g/a06-whitespace.xlsx
a08|--file $g/a08-quantities-en-us.xlsx
a10|--file $g/a10-dates.xlsx --tz Europe/Berlin
a12|--file $g/a12-hidden-rows.xlsx
a13|--file $g/a13-formulas.xlsx
a14|--file $g/a14-duplicates.xlsx
a15|--file $g/a15-totals.xlsx
a17b|--file $g/a17-size-matrix.xlsx --sheet "Numeric sizes"
a20|--file $g/a20-two-tables.xlsx
a21|--file $g/a21-made-to-order.xlsx
c10|--file $g/c10-formula-injection.csv
ow-header-only|--file $g/a19-header-only.xlsx --overwrite
ow-empty|--file $g/a19b-empty-sheet.xlsx --overwrite
ow-all-invalid|--file $g/a18-all-invalid.xlsx --overwrite
ow-header-only-csv|--file $g/c05-header-only.csv --overwrite
rfs-header-only|--file $g/a19-header-only.xlsx --replace-from-sheet
b-a22|--file $g/a22-punctuation-collision.xlsx
b-a22b|--file $g/a22b-punctuation-collision-reversed.xlsx
b-a22-xml|--file $g/a22-punctuation-collision.xlsx --format xml
b-a24|--file $g/a24-huge-cells.xlsx
b-a13-scheduled|--file $g/a13-formulas.xlsx --scheduled
b-a04-default|--file $g/a04-style-numbers.xlsx --warehouse Default
LIST
wait
