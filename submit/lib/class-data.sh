# shellcheck shell=bash
# Sourced by submit/symseg, which sets $root, the project directory; defines functions only.
#
# Class-data sharing (AppCDS) for the local launcher. Every symseg JVM loads, parses and
# verifies some ten thousand classes (Spark, Scala, Hadoop, Netty, Jackson, ...) before and while
# it runs; a dynamic CDS archive holds them ready to map, which saves seconds of CPU per run on
# a small machine (BENCHMARKS.md, Cold start).
#
# The archive, target/symseg-KEY.jsa, is recorded by the first segment, fit or apply run that
# finds none for the current KEY (-XX:ArchiveClassesAtExit: the classes that run loaded). It is
# written under a temporary name, checked by a JVM that maps it, and only then renamed into
# place, so no run ever maps a half-written archive (a truncated archive crashes the JVM). KEY
# is a checksum of all the archive depends on: the java binary and its runtime image, the JVM
# options, and the names, sizes and times of the jars; after a rebuild, a JDK update or another
# -Xmx, the next run records a new archive, and archives older than the jar are deleted. Where the key cannot be
# computed (no GNU find), or with SYMSEG_CDS=off, symseg runs without an archive, as before.

# The archive for the classpath jars in $1 (a file) and $2 (a directory) and the JVM options
# that follow, or nothing when class-data sharing is off or not possible here.
class_data_archive() {
  local jar=$1 lib=$2
  shift 2
  [[ ${SYMSEG_CDS:-on} != off ]] || return 0
  local java_bin java_home key
  java_bin="$(readlink -f "$(command -v java)" 2>/dev/null)" || return 0
  java_home="$(dirname "$(dirname "$java_bin")")"
  key="$({
    printf '%s\n' "$java_bin" "$@"
    # shellcheck disable=SC2154 # $root is set by the sourcing script
    find "$java_home/lib/modules" "$java_home/lib/server" "$jar" "$lib" "$root/conf/java17-spark.args" \
      -printf '%p %s %T@\n'
  } 2>/dev/null | cksum)" || return 0
  echo "$root/target/symseg-${key%% *}.jsa"
}

# Runs the java command given as arguments with the archive when it exists; records it when the
# command is segment, fit or apply (the classes of a real run, so not with --help or --version)
# and no earlier attempt with the same key failed; otherwise runs the command as it is. Returns
# the command's exit code.
run_with_class_data() {
  local archive=$1
  shift
  # the command's JVM options end where the main class starts
  local jvm=() rest=("$@")
  while [[ ${rest[0]} != org.symseg.cli.Main ]]; do
    jvm+=("${rest[0]}")
    rest=("${rest[@]:1}")
  done
  # a stale or foreign archive is refused by the JVM with a warning on stdout; keep stdout clean
  local quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [[ -z $archive ]]; then
    exec "$@"
  elif [[ -f $archive ]]; then
    exec "${jvm[@]}" "${quiet[@]}" -XX:SharedArchiveFile="$archive" "${rest[@]}"
  elif [[ -f $archive.failed ]] || ! [[ ${rest[1]:-} =~ ^(segment|fit|apply)$ ]]; then
    exec "$@"
  fi
  local arg
  for arg in "${rest[@]:2}"; do
    # an archive of a help page would hold none of Spark's classes, and stand in for a real one
    [[ $arg =~ ^(-h|--help|-V|--version)$ ]] && exec "$@"
  done
  # announced once recorded: a run that fails (a mistyped option, say) keeps none and prints
  # only its own error
  local partial="$archive.partial-$$" code=0
  # shellcheck disable=SC2064 # the name is fixed now
  trap "rm -f '$partial'" EXIT
  "${jvm[@]}" "${quiet[@]}" -XX:ArchiveClassesAtExit="$partial" "${rest[@]}" || code=$?
  if [[ $code -eq 0 ]]; then
    if "${jvm[@]}" "${quiet[@]}" -Xshare:on -XX:SharedArchiveFile="$partial" -XX:ErrorFile=/dev/null \
        -version > /dev/null 2>&1; then
      mv -f "$partial" "$archive"
      echo "symseg: recorded class data for faster starts (this run took longer): $archive" >&2
      # archives older than the jar were recorded for an earlier build; those of other JVM
      # options for this build stay, so runs that alternate options do not record each time
      find "$root/target" -maxdepth 1 -name 'symseg-*.jsa*' ! -name "$(basename "$archive")" \
        ! -newer "$root/target/symseg.jar" -delete
    else
      touch "$archive.failed"
    fi
  fi
  return $code
}
