# kbuild-prof: a make SHELL wrapper that times every recipe line.
#
#   KBPROF_LOG=/abs/profile.log make SHELL='/bin/bash /path/kbuild-prof.bash [$@]'
#
# make expands SHELL per recipe, so we get "[target]", then .SHELLFLAGS, then
# the command line; $(shell …) calls arrive with "[]". We run the command with
# the real shell (KBPROF_SHELL, default /bin/sh, so recipe semantics do not
# change) and append one tab-separated line per invocation to KBPROF_LOG:
#   start end pid ppid parent makelevel status target dir
# start/end: $EPOCHREALTIME (seconds.micros, no fork: bash >= 5);
# ppid: the make that ran us; parent: pid of the wrapper whose command started
# that make (inherited through KBPROF_PARENT), so sub-makes stitch into one
# timeline. server/src/analysis/profile.ts reads this format.
# Started through bash explicitly: no shebang lookup, no need for an exec bit.
s=$EPOCHREALTIME
t=${1#[}
shift
if [ $# -ge 2 ]; then
  KBPROF_PARENT=$$ "${KBPROF_SHELL:-/bin/sh}" "$@"
  r=$?
else
  # make passes no command for a recipe line that expanded to nothing.
  r=0
fi
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$EPOCHREALTIME" $$ $PPID "${KBPROF_PARENT:-0}" "${MAKELEVEL:-0}" $r "${t%]}" "$PWD" >>"$KBPROF_LOG"
exit $r
