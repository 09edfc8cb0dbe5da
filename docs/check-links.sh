#!/usr/bin/env bash
# Checks the relative links of the documentation: every [text](target) in README.md, docs/**/*.md and
# infra/**/*.md must name a file or folder of the repository, and a #anchor a heading of that file
# (GitHub's slugs: lower case, punctuation dropped, spaces to hyphens). External links are not checked.
# Usage: docs/check-links.sh [files...]   (from anywhere; exits 1 on a broken link)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LC_ALL=C.UTF-8

slugs() { # the anchors GitHub makes for the headings of a Markdown file (outside code fences)
  awk '/^```/ {fence = !fence; next} !fence && /^#+ / {sub(/^#+ +/, ""); print}' "$1" |
    sed -E 's/`//g; s/\[([^]]*)\]\([^)]*\)/\1/g' | tr '[:upper:]' '[:lower:]' |
    sed -E 's/[^[:alnum:] _-]//g; s/ /-/g'
}

if (( $# )); then files=("$@"); else
  mapfile -t files < <(find README.md docs infra -name '*.md' -not -path '*/target/*' | sort)
fi
broken=0
for file in "${files[@]}"; do
  dir="$(dirname "$file")"
  # Links outside code fences and inline code.
  while IFS= read -r link; do
    target="${link%%#*}"; anchor=""
    [[ "$link" == *"#"* ]] && anchor="${link#*#}"
    case "$target" in http://*|https://*|mailto:*) continue ;; esac
    if [[ -z "$target" ]]; then path="$file"; else path="$dir/$target"; fi
    if [[ ! -e "$path" ]]; then
      echo "$file: broken link ($link): no $path"; broken=1; continue
    fi
    if [[ -n "$anchor" && -f "$path" ]] && ! slugs "$path" | grep -qxF -- "$anchor"; then
      echo "$file: broken anchor ($link): no heading #$anchor in $path"; broken=1
    fi
  done < <(awk '/^```/ {fence = !fence; next} !fence' "$file" | sed -E 's/`[^`]*`//g' |
             grep -oE '\]\([^) ]+\)' | sed -E 's/^\]\(//; s/\)$//' || true)
done
if (( broken )); then exit 1; fi
echo "links OK (${#files[@]} files)"
