#!/usr/bin/env bash
# Runs the JMH benchmarks in src/test/java/org/symseg/bench (all, or those matching a regex),
# e.g. submit/jmh.sh Translation  or  submit/jmh.sh Translation -p setting=20:21 -f 1
# Any JMH option can follow the regex (submit/jmh.sh -h lists them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -Dstyle.color=never -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
exec java @conf/java17-spark.args -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.openjdk.jmh.Main "$@"
