#!/usr/bin/env bash
# Okapi's XLIFF 2 reader and writer, as an independent check of our XLIFF exports (Maven Central
# jars, Java 17).
#
#   translations/okapi/okapi.sh build              build if needed (mvn package)
#   translations/okapi/okapi.sh check IN OUT ...   validate each IN and write Okapi's rewrite to OUT
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() { echo "usage: $0 build | check IN OUT [IN OUT ...]" >&2; exit 2; }

build() {
    command -v java >/dev/null || { echo "java is missing (Java 17)" >&2; exit 1; }
    command -v mvn >/dev/null || { echo "mvn is missing (Maven)" >&2; exit 1; }
    local stamp="$HERE/target/.built"
    if [[ -f "$stamp" && ! "$HERE/pom.xml" -nt "$stamp" && -z "$(find "$HERE/src" -newer "$stamp" -type f | head -1)" ]]; then
        return 0
    fi
    echo "Building the Okapi XLIFF 2 check (mvn package)…" >&2
    local log; log="$(mktemp)"
    if ! (cd "$HERE" && mvn -B -q package >"$log" 2>&1); then
        tail -n 40 "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
    touch "$stamp"
}

case "${1:-}" in
    build) [[ $# -eq 1 ]] || usage; build ;;
    check) [[ $# -ge 3 ]] || usage; build; shift; exec java -XX:TieredStopAtLevel=1 -cp "$HERE/target/classes:$HERE/target/lib/*" XliffCheck "$@" ;;
    *) usage ;;
esac
