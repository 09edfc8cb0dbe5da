# Prepended by the executed-docs test (e2e/.../docs/DocRun.java) to the shell blocks of one page; never part of
# a page. Each block runs in order in this one shell, so a page's variables carry from block to block.
set -euo pipefail

# curl as the pages call it, plus a check of the HTTP status of every response: 5xx always fails the page,
# and 4xx fails it unless the block is marked expect-4xx. The body still goes to stdout (pipes and $(...) see
# what they would without this), and to stderr as well when the status fails the page.
curl() {
  local headers body rc=0 status
  headers=$(mktemp) body=$(mktemp)
  command curl -D "$headers" "$@" >"$body" || rc=$?
  cat "$body"
  status=$(awk '/^HTTP\//{s=$2} END{print s}' "$headers" | tr -d '\r')
  if (( rc != 0 )); then
    printf '\n[executed-docs] curl exited %d: curl %s\n' "$rc" "$*" >&2
    rm -f "$headers" "$body"; return "$rc"
  fi
  if [[ -n $status ]] && { (( status >= 500 )) || { (( status >= 400 )) && [[ $__DOC_EXPECT_4XX != yes ]]; }; }; then
    printf '\n[executed-docs] unexpected HTTP %s from: curl %s\n' "$status" "$*" >&2
    cat "$body" >&2; echo >&2
    rm -f "$headers" "$body"; return 22
  fi
  if [[ -n $status ]] && (( status >= 400 )); then echo "$status" >>"$__DOC_SEEN_4XX"; fi
  rm -f "$headers" "$body"
}

__DOC_SEEN_4XX=$(mktemp)
__DOC_EXPECT_4XX=no
__doc_block() {   # number, mode
  printf '\n[executed-docs] block %s\n' "$1" >&2
  : >"$__DOC_SEEN_4XX"
  if [[ $2 == EXPECT_4XX ]]; then __DOC_EXPECT_4XX=yes; else __DOC_EXPECT_4XX=no; fi
}
__doc_block_end() {   # number
  if [[ $__DOC_EXPECT_4XX == yes && ! -s $__DOC_SEEN_4XX ]]; then
    printf '\n[executed-docs] block %s is marked expect-4xx but received no 4xx\n' "$1" >&2
    exit 1
  fi
  printf '\n[executed-docs] block %s done\n' "$1" >&2
}
