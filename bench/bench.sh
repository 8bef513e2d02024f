#!/usr/bin/env bash
# Runs the measuring tools on the classpath built by `mvn -q -Pbench compile` (run from /work/main).
#   bench/bench.sh gen    --customers 200 --engineers 10000 --incidents 100000 --out bench/target/data/small.ndjson
#   bench/bench.sh jmh    [JMH options, e.g. -p engineers=10000 -p incidents=100000 SearchBench]
#   bench/bench.sh import --file bench/target/data/small.ndjson
#   bench/bench.sh load   --engineers 5000 --rate 100 --duration 60
# JAVA: a JDK 21+ java (default: $BENCH_JAVA, else temurin-25, else java on PATH). JVM_OPTS: extra JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
B=bench/target
[ -f $B/classpath.txt ] && [ -d $B/classes ] || mvn -q -Pbench compile
CP="$B/classes:$(cat $B/classpath.txt)"
JAVA=${BENCH_JAVA:-}
[ -n "$JAVA" ] || { [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; } || true
[ -n "$JAVA" ] || JAVA=java
cmd=${1:?gen, jmh, import or load}; shift
case "$cmd" in
  gen)    exec "$JAVA" ${JVM_OPTS:--Xmx2g} -cp "$CP" io.switchboard.bench.GenerateData "$@" ;;
  jmh)    exec "$JAVA" ${JVM_OPTS:-} -cp "$CP" org.openjdk.jmh.Main -jvm "$JAVA" "$@" ;;
  import) exec "$JAVA" ${JVM_OPTS:--Xmx4g} -cp "$CP" io.switchboard.bench.ImportDriver "$@" ;;
  # The driver holds 5,000 STOMP clients (~330 MB live): a heap left to grow marked it every few seconds, and each
  # marking delayed the frames it was timing by up to 0.25 s. Fixed heap and threshold, as for the server.
  load)   exec "$JAVA" ${JVM_OPTS:--Xms1g -Xmx1g -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=50} -cp "$CP" io.switchboard.bench.LoadDriver "$@" ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
