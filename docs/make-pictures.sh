#!/usr/bin/env bash
# Renders the pictures in README.md anew: the first page of each built-in template's rendering, and of
# Gemeente Zeedorp's customised template, and the internal and publication versions of the steering group's
# minutes side by side (Woo), as LibreOffice shows them. Run after changing a template.
# Needs LibreOffice and poppler-utils (apt-get install libreoffice-writer-nogui poppler-utils).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
minutes() { dotnet run --project src/Minutes.Templating.Cli -- "$@"; }

minutes render examples/lrt-2023-04-21.yaml -t verslag -o "$work/verslag.docx"
minutes render examples/harbour-trust-board-2024-03-14.yaml -t minutes -o "$work/minutes.docx"
minutes render examples/lrt-2023-04-21.yaml -t besluitenlijst -o "$work/besluitenlijst.docx"
minutes render examples/lrt-2023-04-21.yaml -t examples/gemeente-zeedorp/template -o examples/gemeente-zeedorp/lrt-2023-04-21.docx
cp examples/gemeente-zeedorp/lrt-2023-04-21.docx "$work/gemeente-zeedorp.docx"
minutes render examples/stuurgroep-2024-09-12.yaml -t verslag --mode both -o "$work/woo.docx"
mv "$work/woo.docx" "$work/woo-internal.docx"
mv "$work/woo.publication.docx" "$work/woo-publication.docx"

for name in verslag minutes besluitenlijst gemeente-zeedorp woo-internal woo-publication; do
    soffice -env:UserInstallation="file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/$name.pdf" "docs/images/$name"
done
ls -l docs/images
