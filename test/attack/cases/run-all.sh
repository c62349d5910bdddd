#!/usr/bin/env bash
# Runs every generated attack input through the CLI as a dry run and records the exit code,
# output and JSON report under test/attack/cases/results/.
# Usage: test/attack/cases/run-all.sh [name-filter]
set -u
cd "$(dirname "$0")/../../.."
dir=test/attack/cases
mkdir -p "$dir/results"

run() {
  local name=$1
  shift
  npm start --silent -- --dry-run --settings "$dir/settings.json" \
    --report "$dir/results/$name.json" --out "$dir/results/$name.out.xlsx" "$@" \
    >"$dir/results/$name.stdout" 2>"$dir/results/$name.stderr"
  echo "$?" >"$dir/results/$name.rc"
}

g=$dir/generated
filter=${1:-}
while read -r name args; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
  # shellcheck disable=SC2086
  run "$name" $args &
  while (($(jobs -r | wc -l) >= 4)); do sleep 0.2; done
done <<LIST
a01 --file $g/a01-upc-numbers.xlsx
a02 --file $g/a02-upc-text-forms.xlsx
a03 --file $g/a03-joor-ids.xlsx
a03b --file $g/a03b-style-identifier-unsafe.xlsx
a04 --file $g/a04-style-numbers.xlsx
a05 --file $g/a05-sizes.xlsx
a06 --file $g/a06-whitespace.xlsx
a07 --file $g/a07-case.xlsx
a08 --file $g/a08-quantities-en-us.xlsx
a09-de --file $g/a09-quantities-locale.xlsx --locale de_DE
a09-fr --file $g/a09-quantities-locale.xlsx --locale fr_FR
a09-ch --file $g/a09-quantities-locale.xlsx --locale de_CH
a10-berlin --file $g/a10-dates.xlsx --tz Europe/Berlin --locale de_DE
a10-ny --file $g/a10-dates.xlsx --tz America/New_York
a10-gb --file $g/a10-dates.xlsx --tz Europe/London --locale en_GB
a10-apia --file $g/a10-dates.xlsx --tz Pacific/Apia
a10-lordhowe --file $g/a10-dates.xlsx --tz Australia/Lord_Howe
a10-kiritimati --file $g/a10-dates.xlsx --tz Pacific/Kiritimati
a11a --file $g/a11a-header-order-case.xlsx
a11b --file $g/a11b-header-merged.xlsx
a11b2 --file $g/a11b-header-merged.xlsx --sheet MergedHeader
a11c --file $g/a11c-header-newline-dupe.xlsx
a11d --file $g/a11d-header-html-bom.xlsx
a11e --file $g/a11e-header-only-upc-and-qty.xlsx
a11f --file $g/a11f-header-ean-and-upc-differ.xlsx
a12 --file $g/a12-hidden-rows.xlsx
a13 --file $g/a13-formulas.xlsx
a14 --file $g/a14-duplicates.xlsx
a15 --file $g/a15-totals.xlsx
a16-pipe --file $g/a16-delimited.xlsx --sheet Pipe
a16-tab --file $g/a16-delimited.xlsx --sheet Tab
a16-semi --file $g/a16-delimited.xlsx --sheet Semicolon
a17 --file $g/a17-size-matrix.xlsx
a17b --file $g/a17-size-matrix.xlsx --sheet Numeric_sizes
a18 --file $g/a18-all-invalid.xlsx
a19 --file $g/a19-header-only.xlsx
a19b --file $g/a19b-empty-sheet.xlsx
a20 --file $g/a20-two-tables.xlsx
a21 --file $g/a21-made-to-order.xlsx
c01 --file $g/c01-bom-crlf.csv
c02 --file $g/c02-semicolon-de.csv --locale de_DE
c03 --file $g/c03-tab.csv
c04 --file $g/c04-empty.csv
c05 --file $g/c05-header-only.csv
c06 --file $g/c06-binary.csv
c07 --file $g/c07-unbalanced-quote.csv
c08 --file $g/c08-utf16.csv
c09 --file $g/c09-csv-as-xlsx.xlsx
c10 --file $g/c10-formula-injection.csv
c11 --file $g/c11-sci.csv
c12 --file $g/c12-wide-row.csv
x01 --file $g/does-not-exist.xlsx
x02 --file $g/a01-upc-numbers.xlsx --sheet NoSuchSheet
x03 --file $g/a01-upc-numbers.xlsx --tz Not/AZone
x04 --file $g/a01-upc-numbers.xlsx --locale xx_YY
b-a23-santiago --file $g/a23-midnight-dst.xlsx --tz America/Santiago
b-a23-havana --file $g/a23-midnight-dst.xlsx --tz America/Havana
b-a23-beirut --file $g/a23-midnight-dst.xlsx --tz Asia/Beirut
b-a23-asuncion --file $g/a23-midnight-dst.xlsx --tz America/Asuncion
b-a23-cairo --file $g/a23-midnight-dst.xlsx --tz Africa/Cairo
b-a25 --file $g/a25-placeholder-upc.xlsx
b-a26 --file $g/a26-date-serial-zero.xlsx
b-a27-h1 --file $g/a27-quantity-like-headers.xlsx --sheet H1
b-a27-h2 --file $g/a27-quantity-like-headers.xlsx --sheet H2
b-a27-h3 --file $g/a27-quantity-like-headers.xlsx --sheet H3
b-a27-h4 --file $g/a27-quantity-like-headers.xlsx --sheet H4
b-a27-h5 --file $g/a27-quantity-like-headers.xlsx --sheet H5
b-a27-h6 --file $g/a27-quantity-like-headers.xlsx --sheet H6
b-a27-h7 --file $g/a27-quantity-like-headers.xlsx --sheet H7
b-a27-h8 --file $g/a27-quantity-like-headers.xlsx --sheet H8
b-a27-h9 --file $g/a27-quantity-like-headers.xlsx --sheet H9
b-a27b-sizecode --file $g/a27b-size-code-and-sku.xlsx --sheet SizeCode
b-a27b-sku --file $g/a27b-size-code-and-sku.xlsx --sheet Sku
b-a27b-colorname --file $g/a27b-size-code-and-sku.xlsx --sheet ColorName
b-a29 --file $g/a29-merged-data-cells.xlsx
b-a30 --file $g/a30-two-tables-swapped.xlsx
b-a28 --file $g/a28-bad-upc-with-style.xlsx
LIST
wait
# Second batch: run with `test/attack/cases/run-all.sh b-`.
