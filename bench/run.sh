#!/usr/bin/env bash
# Load benchmark of the public site: builds newsdesk, generates (once) a
# corpus of N stories into bench/out/, serves it on 127.0.0.1 and runs wrk
# against a story page, random story pages, the home page and a tag page.
# Prints requests/s and p50/p99 latency per page. See bench/README.md.
#
#   bench/run.sh                 # 100,000 stories, 15 s per page
#   N=10000 DURATION=5s bench/run.sh
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-100000}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
OUT=bench/out
DB=$OUT/corpus-$N.db
URLS=$OUT/corpus-$N.urls

need() { # need COMMAND PACKAGE: install a Debian package when its command is missing
	command -v "$1" >/dev/null && return
	echo "bench: installing $2" >&2
	DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" </dev/null
}
need wrk wrk
need curl curl

mkdir -p "$OUT"
echo "bench: building newsdesk" >&2
go build -o "$OUT/newsdesk" ./cmd/newsdesk

if [[ ! -s $DB || ! -s $URLS ]]; then
	rm -f "$DB" "$DB-wal" "$DB-shm" "$URLS"
	echo "bench: generating $N stories into $DB (once; later runs reuse it)" >&2
	go run ./bench/corpus -db "$DB" -n "$N" -urls "$URLS"
fi

# Serve on a free loopback port; the first stdout line names it.
: >"$OUT/serve.out"
"$OUT/newsdesk" serve --addr 127.0.0.1:0 --data "$OUT/data" --database "$DB" \
	>"$OUT/serve.out" 2>"$OUT/serve.log" </dev/null &
server=$!
stop_server() {
	kill -TERM "$server" 2>/dev/null || true
	wait "$server" 2>/dev/null || true
}
trap stop_server EXIT

base=""
for _ in $(seq 300); do
	line=$(head -n 1 "$OUT/serve.out")
	if [[ $line == "newsdesk: listening on http://127.0.0.1:"* ]]; then
		base=${line#newsdesk: listening on }
		break
	fi
	kill -0 "$server" 2>/dev/null || { cat "$OUT/serve.log" >&2; exit 1; }
	sleep 0.1
done
[[ -n $base ]] || { echo "bench: newsdesk printed no listening line" >&2; exit 1; }
for _ in $(seq 300); do
	curl -fsS -o /dev/null "$base/healthz" && break
	sleep 0.1
done
curl -fsS -o /dev/null "$base/healthz"

# Pages picked from the running site: the first story on the home page and
# the first tag on that story.
story=$(curl -fsS "$base/" | grep -oE 'href="/[a-z0-9-]+/[0-9]+-[a-z0-9-]+"' | head -n 1 | cut -d'"' -f2)
tag=$(curl -fsS "$base$story" | grep -oE 'href="/tags/[a-z0-9-]+"' | head -n 1 | cut -d'"' -f2)
[[ -n $story && -n $tag ]] || { echo "bench: no story or tag link found on $base/" >&2; exit 1; }

# Random stories: every request a different story of the corpus, so no page
# or database cache can hold them all.
lua=$OUT/random-story.lua
cat >"$lua" <<EOF
local paths = {}
for line in io.lines("$PWD/$URLS") do paths[#paths + 1] = line end
local n = 0
function setup(thread) n = n + 1; thread:set("id", n) end
function init(args) math.randomseed(id * 7919 + os.time()) end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
EOF

results=$OUT/results.txt
: >"$results"
run() { # run NAME PATH LABEL [wrk args...]
	local name=$1 path=$2 label=$3
	shift 3
	local code
	code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
	[[ $code == 200 ]] || { echo "bench: $base$path answered $code" >&2; exit 1; }
	echo "bench: $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $base$path $*" >&2
	local out
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$base$path")
	echo "$out" >"$OUT/wrk-$name.txt"
	if grep -q 'Non-2xx' <<<"$out"; then
		grep 'Non-2xx' <<<"$out" >&2
	fi
	local rps p50 p99
	rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	printf '%-14s %10s req/s   p50 %9s   p99 %9s   %s\n' "$name" "$rps" "$p50" "$p99" "$label" | tee -a "$results"
}

echo "bench: $N stories; $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(go version | cut -d' ' -f3)" | tee -a "$results"
run story "$story" "$story"
run random-story / "any of $(wc -l <"$URLS") stories" -s "$lua"
run home / /
run tag "$tag" "$tag"
