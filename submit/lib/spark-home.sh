# shellcheck shell=bash
# Sourced by submit/spark-submit.sh and submit/local-cluster.sh, which set $root, the project
# directory; defines functions only.
#
# The project's own Spark, for machines without a Spark distribution: a stand-in SPARK_HOME
# under target/spark-home/ whose jars/ links the jars Maven resolved for the provided scope
# (Spark 4.1, Hadoop client, Scala: what a cluster supplies, listed in target/spark-classpath.txt
# by every build). Spark's launcher and its standalone workers build their classpath from
# SPARK_HOME/jars, so they run from it as from a real distribution; symseg itself is not in it
# and reaches drivers and executors the way it reaches a real cluster, in the submitted jar.

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# Runs Maven quietly from the project root; a failure ends the script with one line.
# shellcheck disable=SC2154 # $root is set by the sourcing script
maven() {
  (cd "$root" && mvn -q -B -Dstyle.color=never "$@") >&2 || die "the Maven build failed (mvn $*)"
}

java_command() {
  if [[ -n ${JAVA_HOME:-} ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    command -v java || die "no java on PATH and JAVA_HOME is not set; symseg needs Java 17"
  fi
}

# Points SPARK_HOME at the stand-in home, (re)creating it when the resolved classpath changed.
# SPARK_SCALA_VERSION spares the launcher from looking for a Spark source build to learn it.
use_project_spark_home() {
  local list="$root/target/spark-classpath.txt" home="$root/target/spark-home"
  if [[ ! -f $list ]]; then
    echo "$(basename "$0"): resolving Spark's jars with Maven (a few minutes the very first time)..." >&2
    maven -DskipTests generate-resources
  fi
  if [[ ! -f $home/classpath.txt || $list -nt $home/classpath.txt ]]; then
    local fresh entry entries=()
    fresh="$(mktemp -d "$root/target/.spark-home.XXXXXX")"
    mkdir "$fresh/jars" "$fresh/conf"
    IFS=: read -r -a entries < "$list" || true # the list has no final newline
    for entry in "${entries[@]}"; do
      [[ -f $entry ]] || die "$entry is listed in $list but missing; run mvn package again"
      ln -s "$entry" "$fresh/jars/$(basename "$entry")"
    done
    # drivers and executors started from this home log at WARN, like submit/symseg
    ln -s "$root/conf/log4j2.properties" "$fresh/conf/log4j2.properties"
    cp "$list" "$fresh/classpath.txt"
    rm -rf "$home"
    mv "$fresh" "$home"
  fi
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13
}
