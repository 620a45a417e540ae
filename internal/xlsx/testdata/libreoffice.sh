#!/usr/bin/env bash
# Saves office_2022.xlsx through LibreOffice, whose XML differs from
# excelize's (inline styles, shared strings order, no cell type on numbers,
# different merged-cell and column records), and as an old .xls.
# Needs: apt-get install -y libreoffice-calc-nogui
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp office_2022.xlsx "$tmp/office_2022_lo.xlsx"
cp office_2022.xlsx "$tmp/old.xlsx"
lo=(soffice --headless "-env:UserInstallation=file://$tmp/profile")
"${lo[@]}" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/out" "$tmp/office_2022_lo.xlsx" >/dev/null
"${lo[@]}" --convert-to xls:"MS Excel 97" --outdir "$tmp/out" "$tmp/old.xlsx" >/dev/null
cp "$tmp/out/office_2022_lo.xlsx" "$tmp/out/old.xls" .
