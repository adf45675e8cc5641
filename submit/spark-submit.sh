#!/usr/bin/env bash
# Submits a symseg command to any Spark master through spark-submit, with the uber jar and
# conf/spark-defaults.conf. Spark's options come before "--", symseg's after it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=submit/lib/spark-home.sh
source "$root/submit/lib/spark-home.sh"

usage() {
  cat <<EOF
usage: submit/spark-submit.sh [SPARK-SUBMIT OPTION...] -- COMMAND [SYMSEG ARGUMENT...]

Runs a symseg command (segment, fit, apply, ...) on a Spark cluster, e.g.

  submit/spark-submit.sh --master spark://host:7077 --executor-memory 4g \\
      -- segment hdfs:///in --out hdfs:///out

Options before "--" go to spark-submit (--master, --deploy-mode, --conf, --executor-memory,
...); --class is set here. Settings from conf/spark-defaults.conf apply unless an option or
--conf overrides them; the cluster's own spark-defaults.conf is read too (Spark 4's
--load-spark-defaults).

Which spark-submit runs: \$SPARK_SUBMIT, else \$SPARK_HOME/bin/spark-submit, else spark-submit
on PATH, else (no Spark installed) the project's own Spark 4.1 from Maven's provided-scope
jars, through a stand-in SPARK_HOME in target/spark-home/; it knows local and standalone
(spark://) masters only, so YARN and Kubernetes need a Spark distribution.

The jar submitted is \$SYMSEG_JAR if set (a file, or a URI Spark can fetch such as
local:///opt/symseg/symseg-cluster.jar inside a Kubernetes image), else
target/symseg-cluster.jar, which is built with Maven when missing.
EOF
}

spark_args=()
symseg_args=()
after_separator=false
for arg in "$@"; do
  if $after_separator; then
    symseg_args+=("$arg")
  elif [[ $arg == -- ]]; then
    after_separator=true
  elif [[ $arg == -h || $arg == --help ]]; then
    usage
    exit 0
  elif [[ $arg == --class || $arg == --class=* ]]; then
    die "--class is set by this script (org.symseg.cli.Main)"
  else
    spark_args+=("$arg")
  fi
done
$after_separator || die "put symseg's command after --, e.g. $0 --master spark://host:7077 -- segment IN --out OUT (see --help)"
((${#symseg_args[@]} > 0)) || die "no symseg command after -- (see --help)"

jar="${SYMSEG_JAR:-$root/target/symseg-cluster.jar}"
if [[ $jar =~ ^[a-zA-Z][a-zA-Z0-9+.-]+: ]]; then
  : # a URI (local:// in a container image, hdfs://, s3a://, https://) is for Spark to fetch
elif [[ ! -f $jar ]]; then
  [[ -z ${SYMSEG_JAR:-} ]] || die "SYMSEG_JAR=$jar: no such file"
  echo "spark-submit.sh: building $jar with Maven..." >&2
  maven -DskipTests package
  [[ -f $jar ]] || die "the build did not make $jar"
fi

# Runs SparkSubmit the way Spark's own bin/spark-submit does: the launcher library prints the
# driver's java command (NUL-separated) with --driver-memory, the driver's java options and
# the Java 17 module openings applied, and that command is run. Running SparkSubmit directly
# would ignore --driver-memory in client mode, as the JVM would already be running.
project_spark_submit() {
  use_project_spark_home
  local java launch command=() word
  java="$(java_command)"
  launch="$(mktemp)"
  if ! "$java" -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main \
      org.apache.spark.deploy.SparkSubmit "$@" > "$launch"; then
    rm -f "$launch"
    die "Spark's launcher refused the arguments (see above)"
  fi
  # the launcher prints a NUL and a newline, then each word of the command followed by a NUL
  while IFS= read -r -d '' word; do
    command+=("$word")
  done < "$launch"
  rm -f "$launch"
  [[ ${#command[@]} -gt 1 && -z ${command[0]} ]] || die "Spark's launcher printed no command"
  command[1]="${command[1]#$'\n'}"
  exec "${command[@]:1}"
}

submit_args=(--properties-file "$root/conf/spark-defaults.conf" --load-spark-defaults
  --class org.symseg.cli.Main ${spark_args[@]+"${spark_args[@]}"} "$jar" "${symseg_args[@]}")
if [[ -n ${SPARK_SUBMIT:-} ]]; then
  [[ -x $SPARK_SUBMIT ]] || die "SPARK_SUBMIT=$SPARK_SUBMIT is not an executable file"
  exec "$SPARK_SUBMIT" "${submit_args[@]}"
elif [[ -n ${SPARK_HOME:-} ]]; then
  [[ -x $SPARK_HOME/bin/spark-submit ]] || die "SPARK_HOME=$SPARK_HOME has no bin/spark-submit"
  exec "$SPARK_HOME/bin/spark-submit" "${submit_args[@]}"
elif command -v spark-submit > /dev/null; then
  exec spark-submit "${submit_args[@]}"
else
  project_spark_submit "${submit_args[@]}"
fi
