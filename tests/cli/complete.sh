#!/bin/bash
# complete.sh - Tab completion: bash's completion function from completion/bash/showup,
# driven as bash drives it, offers commands, subcommands, options, cohort slugs,
# SLUG:N sessions and e-mails, which `showup __complete` reads from the database
# without changing it; the zsh script loads.
. "$top_srcdir/tests/cli/lib.sh"
cd "$T" || exit 1

bash_completion=/usr/share/bash-completion/bash_completion
if [ ! -r "$bash_completion" ]; then
	echo "FAIL: $bash_completion missing (apt-get install bash-completion)"
	exit 1
fi
# bash-completion's own code is not written for 'set -u'
set +u
. "$bash_completion"
. "$top_srcdir/completion/bash/showup"

# compopt works only while bash itself completes: here it notes what was asked
compopt() { compopt_said="$*"; }

# complete LINE: completes LINE (the cursor at its end) as bash would, through the
# function bash would call; the candidates, one a line, into $T/out.
complete_line() {
	local line="showup $1" split
	checks=$((checks + 1))
	# readline's words: split at blanks, and ':' (in COMP_WORDBREAKS) is a word of its own
	split=$(printf '%s' "$line" | sed 's/:/ : /g')
	read -ra COMP_WORDS <<<"$split"
	COMP_WORDS[0]=$SHOWUP
	case $line in *' ') COMP_WORDS+=("") ;; esac
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="$SHOWUP ${line#showup }"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	compopt_said=
	_showup "$SHOWUP" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
	printf '%s\n' "${COMPREPLY[@]}" >"$T/out"
	: >"$T/err"
}
# offers WORD...: each WORD is among the candidates.
offers() { for w in "$@"; do grep -qxF -- "$w" "$T/out" || fail "'$w' not offered"; done; }
# only WORD...: the candidates are exactly these words, in this order.
only() { [ "$(cat "$T/out")" = "$(printf '%s\n' "$@")" ] || fail "not only: $*"; }

# without a database: commands and options still come, no data, nothing created
complete_line ""
offers init cohort participant session mark status notices report demo help
grep -q '^__' "$T/out" && fail "a hidden command is offered"
complete_line "part"
only participant
complete_line "participant "
offers add import list edit withdraw reinstate export-data erase
complete_line "part imp"
only import
complete_line "session add c1 --k"
only --kind
complete_line "session add c1 --kind "
only group coaching practice
complete_line "mark "
only ""
complete_line "policy set c1 refund"
only refund refund.days
complete_line "policy set c1 refund "
only full prorated none
complete_line "policy set c1 invitations "
only on off
complete_line "policy set c1 grace "
only ""
check '[ ! -e "$SHOWUP_DB" ] && [ -z "$(find "$T" -mindepth 1 ! -name out ! -name err ! -type d)" ]' \
	"completing without a database created a file"
mkdir "$T/ro" && chmod 500 "$T/ro"
run __complete -- --db "$T/ro/none.db" status ""
check '[ "$rc" = 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ] && [ -z "$(ls -A "$T/ro")" ]' \
	"__complete without a database did not exit 0 silently"

# with one: slugs, sessions, e-mails of the cohort named on the line
cohort
ok cohort add other --name "Other" --coach "Cora Coach" --coach-email cora@example.com \
	--tz Europe/Berlin --fee 100 --currency EUR
ok participant add c1 --name "Ana" --email ana@example.com
ok participant add c1 --name "Ben" --email ben@example.com
ok participant add other --name "Zed" --email zed@example.com
ok session add c1 --at "2026-10-05 09:00"
ok session add c1 --at "2026-10-12 09:00"
ok participant withdraw c1 ben@example.com
cp "$SHOWUP_DB" "$T/before.db"

complete_line "status "
only c1 other
check '[ -z "$compopt_said" ]' "no space asked for after a whole slug"
complete_line "cohort show o"
only other
complete_line "mark "
only c1: other:
check '[ "$compopt_said" = "-o nospace" ]' "no space is not asked for after 'c1:'"
complete_line "mark c1:"
only 1 2		# bash shows what follows the ':' (__ltrim_colon_completions)
complete_line "mark c1:2 "
only ana@example.com ben@example.com
complete_line "mark c1:2 a"
only ana@example.com
complete_line "session add c1 --with "
only ana@example.com ben@example.com
complete_line "participant withdraw other "
only zed@example.com
complete_line "mark c1:2 ana@example.com --r"
only --replace
complete_line "help participant "
offers add import list
# the line's --db is the one read; an unknown cohort offers nothing
SHOWUP_DB="$T/none.db" complete_line "--db $T/showup.db status "
only c1 other
check '[ ! -e "$T/none.db" ]' "__complete created the database \$SHOWUP_DB names"
complete_line "mark nope:"
only ""
cmp -s "$SHOWUP_DB" "$T/before.db" || { failures=$((failures + 1)); echo "FAIL: __complete changed the database file"; }

# the zsh script: it parses, and compinit takes it for showup
if command -v zsh >/dev/null 2>&1; then
	checks=$((checks + 1))
	zsh -n "$top_srcdir/completion/zsh/_showup" || fail "zsh cannot parse _showup"
	got=$(HOME="$T/home" zsh -fc 'fpath=("$1" $fpath); autoload -Uz compinit;
		compinit -u -d "$2"; print -r -- $_comps[showup]' zsh \
		"$top_srcdir/completion/zsh" "$T/zcompdump")
	check '[ "$got" = _showup ]' "zsh's compinit did not take _showup for showup"
fi
finish
