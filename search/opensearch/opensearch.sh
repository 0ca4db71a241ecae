#!/usr/bin/env bash
# A local OpenSearch node for the site search (Maven Central jars, Java 17; no Docker).
#
#   search/opensearch/opensearch.sh start PORT DATA_DIR   build if needed, start in the background,
#                                                         wait until every primary shard is active; prints OPENSEARCH_URL=…
#   search/opensearch/opensearch.sh stop DATA_DIR         stop the node started on DATA_DIR
#
# OPENSEARCH_JAVA_OPTS (default: 512 MB heap, C1 JIT only: starts in about 6 s),
# OPENSEARCH_START_TIMEOUT (seconds, default 180). The node logs to DATA_DIR/opensearch.log.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() { echo "usage: $0 start PORT DATA_DIR | stop DATA_DIR" >&2; exit 2; }

stop() {
    local pid_file="$1/opensearch.pid"
    [[ -f "$pid_file" ]] || { echo "no node on $1" >&2; return 0; }
    local pid; pid="$(cat "$pid_file")"
    if kill -TERM "$pid" 2>/dev/null; then
        for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
    echo "OpenSearch node $pid stopped" >&2
}

build() {
    local stamp="$HERE/target/.built"
    if [[ -f "$stamp" && ! "$HERE/pom.xml" -nt "$stamp" && -z "$(find "$HERE/src" -newer "$stamp" -type f | head -1)" ]]; then
        return 0
    fi
    echo "Building the OpenSearch node (mvn package; ~76 MB into ~/.m2 the first time)…" >&2
    local log; log="$(mktemp)"
    if ! (cd "$HERE" && mvn -B -q package >"$log" 2>&1); then
        tail -n 40 "$log" >&2
        exit 1
    fi
    rm -f "$log"
    touch "$stamp"
}

start() {
    local port="$1" data; mkdir -p "$2"; data="$(cd "$2" && pwd)"
    command -v java >/dev/null || { echo "java is missing (Java 17)" >&2; exit 1; }
    command -v mvn >/dev/null || { echo "mvn is missing (Maven)" >&2; exit 1; }
    build
    if [[ -f "$data/opensearch.pid" ]] && kill -0 "$(cat "$data/opensearch.pid")" 2>/dev/null; then
        echo "a node already runs on $data (pid $(cat "$data/opensearch.pid"))" >&2
        exit 1
    fi
    local log="$data/opensearch.log"
    : >"$log"  # exists before the first grep below
    # shellcheck disable=SC2086  # a list of options
    nohup java ${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx512m -XX:TieredStopAtLevel=1} \
        -cp "$HERE/target/classes:$HERE/target/lib/*" SearchNode "$port" "$data" >"$log" 2>&1 &
    local pid=$!
    echo "$pid" >"$data/opensearch.pid"
    local timeout="${OPENSEARCH_START_TIMEOUT:-180}"
    for _ in $(seq 1 $((timeout * 5))); do
        if grep -q '^SEARCH_NODE_READY ' "$log"; then
            echo "OPENSEARCH_URL=$(grep '^SEARCH_NODE_READY ' "$log" | head -1 | cut -d' ' -f2)"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "OpenSearch stopped before it was ready:" >&2
            tail -n 40 "$log" >&2
            rm -f "$data/opensearch.pid"
            exit 1
        fi
        sleep 0.2
    done
    echo "OpenSearch not ready after $timeout s" >&2
    stop "$data"
    exit 1
}

case "${1:-}" in
    start) [[ $# -eq 3 ]] || usage; start "$2" "$3" ;;
    stop) [[ $# -eq 2 ]] || usage; stop "$2" ;;
    *) usage ;;
esac
