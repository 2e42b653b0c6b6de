#!/usr/bin/env bash
# The command line, piped: events -> canonical CSV -> monthly series -> flags, then a chart
# and the HTML report. Runs on the bundled Greece-Turkey events; replace grc_tur by your file
# (any format tension read knows: GDELT, ICEWS, Phoenix, POLECAT, CSV, Parquet).
#
#   bash examples/cli_pipeline.sh            (TENSION="python -m tension" to use a checkout)
set -euo pipefail
tension=${TENSION:-tension}

$tension read grc_tur --from 1990-01-01 -q > grc_tur_events.csv
$tension series grc_tur_events.csv --dyad GRC TUR --freq QS -q > grc_tur_series.csv
$tension flag grc_tur_series.csv --events grc_tur_events.csv --top 2 --output-format table -q

# The same in one pipe, with the flags as Markdown for a brief:
$tension read grc_tur -q | $tension series - --dyad GRC TUR -q | $tension flag - --output-format markdown -q

$tension plot grc_tur_events.csv --dyad GRC TUR -o grc_tur.png -q
$tension report grc_tur_events.csv --dyad GRC TUR --top 3 -o grc_tur.html -q
echo "wrote grc_tur.png and grc_tur.html"
