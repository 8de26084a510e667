#!/usr/bin/env bash
# Prints content-only=true when every file changed between BEFORE and AFTER is under content/
# (articles and media), else content-only=false. "Everything" is the answer whenever the change
# cannot be known: no BEFORE, BEFORE all zeros (the branch's first push), BEFORE missing from the
# clone or not an ancestor of AFTER (a force push), or no file changed.
#   usage: .github/content-only.sh BEFORE AFTER >> "$GITHUB_OUTPUT"
set -uo pipefail
before="${1:-}"
after="${2:-HEAD}"
answer=false
if [[ -n "$before" && ! "$before" =~ ^0+$ ]] &&
  git cat-file -e "${before}^{commit}" 2>/dev/null &&
  git merge-base --is-ancestor "$before" "$after" 2>/dev/null; then
  changed="$(git diff --name-only "$before" "$after")" || changed=""
  if [[ -n "$changed" ]] && ! grep -qv '^content/' <<<"$changed"; then answer=true; fi
fi
echo "content-only=$answer"
