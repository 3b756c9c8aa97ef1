#!/usr/bin/env bash
# Kiosk benchmarks, side by side in one run on one machine. Prints figures
# and ratios as a markdown table; asserts nothing (speed is a benchmark's job, not a test's).
#
#   tests/bench/kiosk/run.sh [--build DIR] [--runs N] [--idle-runs N] [--idle-seconds S]
#                            [--frames N] [--frame-runs N] [--submits N] [--soak N]
#                            [--install-chromium] [--out FILE]
#
# Defaults: --build build, 7 runs of each start-up, 3 idle windows of 30 s, 600 measured frames
# per screen (3 runs), 1000 submits per run (5 runs). Everything runs under its own Xvfb (display :15,
# or $BENCH_DISPLAY) with Mesa's software rasteriser (LIBGL_ALWAYS_SOFTWARE=1 → llvmpipe), so the
# figures describe the slowest honest case: a kiosk PC without a working GPU driver.
#
# What is measured (targets from the issue):
#   start      cold start to first rendered frame, new process each time, page cache warm
#              (we cannot drop caches without privileges): suarawarga --windowed 1920x1080
#              --exit-after-frames 1 vs floor_glfw (bare GLFW + GL 3.3 window, the platform
#              floor) vs chromium --headless --screenshot of one_question.html.
#              Targets: kiosk ≤ 1.3× floor, ≥ 5× faster than Chromium.
#   memory     peak RSS (wait4 rusage, as /usr/bin/time -v) of the same runs; Chromium also as the
#              summed PSS of its process tree. Target: kiosk ≤ 1.3× floor.
#   idle       CPU of the kiosk sitting on the welcome screen, utime+stime from /proc/<pid>/stat
#              over 30 s after a 5 s settle. Target: < 1 % of one core.
#   frames     frame time p50/p99 at 1920×1080 under llvmpipe (bench_frames). Target p99 < 8 ms.
#   submit     tap-to-durable latency over 1000 submits on the real disk (bench_submit).
#              Target: p99 < 16.7 ms (one 60 Hz frame).
#   soak       with --soak N: N simulated respondents through the headless kiosk UI
#              (soak): memory growth after warm-up < 1 MB, nothing carried over, no frame over
#              budget. 100,000 take a long time on a small machine; the figures print at the end.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../.." && pwd)
build="$src/build"
runs=7
idle_runs=3
idle_seconds=30
frames=600
submits=1000
submit_runs=5
frame_runs=3
install_chromium=0
soak=0
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --idle-runs) idle_runs=$2; shift 2 ;;
    --idle-seconds) idle_seconds=$2; shift 2 ;;
    --frames) frames=$2; shift 2 ;;
    --frame-runs) frame_runs=$2; shift 2 ;;
    --submits) submits=$2; shift 2 ;;
    --soak) soak=$2; shift 2 ;;
    --install-chromium) install_chromium=1; shift ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,34p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

bin="$build/tests/bench/kiosk"
kiosk="$build/app/suarawarga"
[ -x "$kiosk" ] || kiosk="$build/suarawarga"
for f in "$bin/bench_launch" "$bin/floor_glfw" "$bin/bench_submit" "$kiosk"; do
  [ -x "$f" ] || { echo "run.sh: $f is missing; build it first:" >&2
                   echo "  cmake --build $build --target suarawarga floor_glfw bench_launch bench_submit bench_frames" >&2; exit 2; }
done

# glxinfo names the renderer the figures were measured on; without it the script would stop on
# `set -e` with exit 127 and no word. It is in third_party/packages.txt (mesa-utils).
command -v glxinfo >/dev/null || { echo "run.sh: glxinfo is missing: apt-get install mesa-utils (third_party/packages.txt)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sw-bench.XXXXXX")
xvfb_pid=""
idle_pid=""
cleanup() {
  [ -n "$idle_pid" ] && kill "$idle_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- the display: our own Xvfb, software GL ---------------------------------------------------
display="${BENCH_DISPLAY:-:15}"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
if ! kill -0 "$xvfb_pid" 2>/dev/null || ! xdpyinfo -display "$display" >/dev/null 2>&1; then
  echo "run.sh: Xvfb $display did not start (in use? choose another with BENCH_DISPLAY=:N)" >&2
  cat "$work/xvfb.log" >&2; exit 1
fi
export DISPLAY="$display" LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
# The kiosk's data (database, settings) goes to a scratch folder, never the user's.
export XDG_DATA_HOME="$work/data"
db="$work/kiosk.db"

report() { if [ -n "$out" ]; then tee -a "$out"; else cat; fi; }
[ -n "$out" ] && : >"$out"

# --- the machine ------------------------------------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
rootdev=$(df --output=source "$work" | tail -1)
fstype=$(df --output=fstype "$work" | tail -1 | tr -d ' ')
blk=$(basename "$(readlink -f "$rootdev")" | sed 's/[0-9]*$//')
rota=$(cat "/sys/block/$blk/queue/rotational" 2>/dev/null || echo "?")
renderer=$(glxinfo -B 2>/dev/null | sed -n 's/^ *OpenGL renderer string: //p')
glversion=$(glxinfo -B 2>/dev/null | sed -n 's/^ *OpenGL core profile version string: //p')
chromium_bin=$(command -v chromium || true)
if [ -z "$chromium_bin" ] && [ "$install_chromium" = 1 ]; then
  echo "run.sh: installing Debian's chromium (benchmark only, not a build dependency)…" >&2
  apt-get install -y --no-install-recommends chromium >&2 && chromium_bin=$(command -v chromium || true)
fi
{
  echo "## Machine"
  echo
  echo "- CPU: $cpu, $(nproc) cores visible; memory $mem"
  echo "- Disk: $rootdev ($fstype, rotational=$rota as the kernel reports it)"
  echo "- Display: Xvfb $display 1920x1080x24, $renderer ($glversion)"
  echo "- Kernel: $(uname -r); $(lsb_release -ds 2>/dev/null || sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '\"')"
  [ -n "$chromium_bin" ] && echo "- Chromium: $($chromium_bin --version 2>/dev/null | head -1)"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); runs per figure: $runs (medians)"
  echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews absolute times; the side-by-side ratios less so)"
  echo
} | report

median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
field() { sed -n "s/.*\\b$1=\\([0-9.]*\\).*/\\1/p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b+0==0 || a=="n/a" || b=="n/a") print "n/a"; else printf "%.2f", a/b}'; }

# --- start-up and peak memory -----------------------------------------------------------------
kiosk_cmd=("$kiosk" --demo --windowed 1920x1080 --exit-after-frames 1 --db "$db")
floor_cmd=("$bin/floor_glfw" --windowed 1920x1080 --exit-after-frames 1)
chromium_cmd() {
  local profile="$work/chromium-$1"
  rm -rf "$profile"
  echo "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
       --disable-background-networking --disable-component-update --disable-sync \
       --user-data-dir="$profile" --window-size=1920,1080 --screenshot="$work/chromium-$1.png" \
       "file://$here/one_question.html"
}

# One unmeasured run each: creates the kiosk's database (a first start registers the instrument)
# and warms the page cache, so every measured run is a "next morning" start.
"${kiosk_cmd[@]}" >"$work/kiosk-first.log" 2>&1 || { echo "run.sh: the kiosk failed to start:" >&2; cat "$work/kiosk-first.log" >&2; exit 1; }
"${floor_cmd[@]}"
[ -n "$chromium_bin" ] && $(chromium_cmd warm) >/dev/null 2>&1

: >"$work/kiosk.txt"; : >"$work/floor.txt"; : >"$work/chromium.txt"
for i in $(seq "$runs"); do # interleaved, so drift on a shared machine hits all three alike
  "$bin/bench_launch" -- "${floor_cmd[@]}" >>"$work/floor.txt"
  "$bin/bench_launch" -- "${kiosk_cmd[@]}" >>"$work/kiosk.txt" 2>>"$work/kiosk.log"
  if [ -n "$chromium_bin" ]; then
    # shellcheck disable=SC2046 # the command is built word by word above; paths have no spaces
    "$bin/bench_launch" --tree -- $(chromium_cmd "$i") >>"$work/chromium.txt" 2>/dev/null
  fi
done
for who in kiosk floor chromium; do
  if grep -q 'exit=[1-9]' "$work/$who.txt"; then echo "run.sh: warning: a $who run exited non-zero:" >&2; cat "$work/$who.txt" >&2; fi
done
k_ms=$(field wall_ms <"$work/kiosk.txt" | median);  f_ms=$(field wall_ms <"$work/floor.txt" | median)
k_kb=$(field maxrss_kb <"$work/kiosk.txt" | median); f_kb=$(field maxrss_kb <"$work/floor.txt" | median)
c_ms=$(field wall_ms <"$work/chromium.txt" | median); c_kb=$(field maxrss_kb <"$work/chromium.txt" | median)
c_pss=$(field tree_pss_kb <"$work/chromium.txt" | median)
mb() { awk -v k="$1" 'BEGIN {if (k=="n/a") print "n/a"; else printf "%.1f MB", k/1024}'; }
{
  echo "## Start-up to first frame and peak memory (1920×1080, llvmpipe, median of $runs)"
  echo
  echo "| program | start to first frame | peak RSS | kiosk ÷ it (start) | kiosk ÷ it (RSS) |"
  echo "|---|---|---|---|---|"
  echo "| suarawarga kiosk | ${k_ms} ms | $(mb "$k_kb") | 1 | 1 |"
  echo "| floor: bare GLFW + GL 3.3 window | ${f_ms} ms | $(mb "$f_kb") | $(ratio "$k_ms" "$f_ms")× (target ≤ 1.3×) | $(ratio "$k_kb" "$f_kb")× (target ≤ 1.3×) |"
  if [ -n "$chromium_bin" ]; then
    echo "| chromium --headless --screenshot, one question | ${c_ms} ms | $(mb "$c_kb") largest process, $(mb "$c_pss") Σ PSS of all | $(ratio "$k_ms" "$c_ms")× = $(ratio "$c_ms" "$k_ms")× faster (target ≥ 5×) | $(ratio "$k_kb" "$c_pss")× of Σ PSS |"
  else
    echo "| chromium | skipped: not installed (pass --install-chromium) | | | |"
  fi
  echo
} | report

# --- idle CPU on the welcome screen -----------------------------------------------------------
hz=$(getconf CLK_TCK)
: >"$work/idle.txt"
for i in $(seq "$idle_runs"); do
  "$kiosk" --demo --windowed 1920x1080 --db "$db" >>"$work/idle-kiosk.log" 2>&1 &
  idle_pid=$!
  sleep 5 # start-up and the first frames are not idling
  if ! kill -0 "$idle_pid" 2>/dev/null; then echo "run.sh: the kiosk exited during the idle test" >&2; idle_pid=""; break; fi
  t0=$(awk '{print $14+$15}' "/proc/$idle_pid/stat")
  sleep "$idle_seconds"
  t1=$(awk '{print $14+$15}' "/proc/$idle_pid/stat")
  kill "$idle_pid"; wait "$idle_pid" 2>/dev/null || true; idle_pid=""
  awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$idle_seconds" 'BEGIN {printf "%.3f\n", (b-a)/hz/s*100}' >>"$work/idle.txt"
done
idle=$(median <"$work/idle.txt")
{
  echo "## Idle on the welcome screen"
  echo
  echo "CPU over ${idle_seconds} s after a 5 s settle, median of $idle_runs: **${idle} % of one core** (target < 1 %;"
  echo "clock-tick resolution 1/${hz} s, so one tick over ${idle_seconds} s is $(awk -v hz="$hz" -v s="$idle_seconds" 'BEGIN {printf "%.3f", 100/hz/s}') %). Each window: $(tr '\n' ' ' <"$work/idle.txt")"
  echo
} | report

# --- frame time -------------------------------------------------------------------------------
if [ -x "$bin/bench_frames" ]; then
  : >"$work/frames.txt"
  for i in $(seq "$frame_runs"); do
    "$bin/floor_glfw" --windowed 1920x1080 --exit-after-frames $((frames + 10)) --frame-times >>"$work/frames.txt"
    "$bin/bench_frames" --frames "$frames" --size 1920x1080 --db "$db" >>"$work/frames.txt" 2>>"$work/frames.log"
  done
  {
    echo "## Frame time at 1920×1080 under llvmpipe ($frames frames per screen, median of $frame_runs runs; target p99 < 8 ms)"
    echo
    echo "Wall time from ImGui::NewFrame to glFinish after the swap; \"this thread's CPU\" leaves out llvmpipe's"
    echo "rasteriser threads, so it is the kiosk's own work. \"floor\" is floor_glfw: clear + swap + glFinish."
    echo
    echo "\"all threads\" is the CPU of every thread of the process (llvmpipe's included) per frame: on a"
    echo "busy machine it moves less than wall time. \"covered\": the pixels of all triangles, overdraw counted."
    echo
    echo "| screen | p50 | p99 | max | this thread's CPU p50 / p99 | all threads' CPU per frame | triangles, covered |"
    echo "|---|---|---|---|---|---|---|"
    for s in $(sed -n 's/^screen=\([^ ]*\).*/\1/p' "$work/frames.txt" | awk '!seen[$0]++'); do
      p50=$(grep "^screen=$s " "$work/frames.txt" | field p50_ms | median)
      p99=$(grep "^screen=$s " "$work/frames.txt" | field p99_ms | median)
      mx=$(grep "^screen=$s " "$work/frames.txt" | field max_ms | median)
      c50=$(grep "^screen=$s " "$work/frames.txt" | field cpu_p50_ms | median)
      c99=$(grep "^screen=$s " "$work/frames.txt" | field cpu_p99_ms | median)
      ac=$(grep "^screen=$s " "$work/frames.txt" | field all_threads_cpu_ms | median)
      tri=$(grep "^screen=$s " "$work/frames.txt" | field triangles | median)
      cov=$(grep "^screen=$s " "$work/frames.txt" | field covered_mpx | median)
      echo "| $s | ${p50} ms | ${p99} ms | ${mx} ms | ${c50} / ${c99} ms | ${ac} ms | ${tri}, ${cov} Mpx |"
    done
    echo
  } | report
else
  echo "## Frame time: skipped (bench_frames not built: it needs the kiosk library)" | report
fi

# --- tap to durable ---------------------------------------------------------------------------
{
  echo "## Tap to durable (WAL + synchronous=FULL on $fstype, $submits submits × $submit_runs runs, medians; target p99 < 16.7 ms)"
  echo
  echo "| submit path | p50 | p90 | p99 | max |"
  echo "|---|---|---|---|---|"
} | report
for p in kiosk store; do
  : >"$work/submit-$p.txt"
  for i in $(seq "$submit_runs"); do
    "$bin/bench_submit" --path "$p" --count "$submits" --dir "$work" >>"$work/submit-$p.txt" 2>>"$work/submit.log" || true
  done
  path=$(sed -n 's/^submit_path=\([^ ]*\).*/\1/p' "$work/submit-$p.txt" | head -1)
  [ -n "$path" ] || continue
  echo "| $path | $(field p50_ms <"$work/submit-$p.txt" | median) ms | $(field p90_ms <"$work/submit-$p.txt" | median) ms | **$(field p99_ms <"$work/submit-$p.txt" | median) ms** | $(field max_ms <"$work/submit-$p.txt" | median) ms |" | report
done
echo | report

# --- soak -------------------------------------------------------------------------------------
if [ "$soak" -gt 0 ]; then
  if [ -x "$bin/soak" ]; then
    "$bin/soak" --respondents "$soak" >"$work/soak.txt" 2>"$work/soak.log" || echo "run.sh: the soak reported violations (see below)" >&2
    {
      echo "## Soak ($soak respondents through the headless kiosk UI)"
      echo
      echo '```'
      cat "$work/soak.txt"
      echo '```'
      echo
    } | report
  else
    echo "## Soak: skipped (soak not built: it needs the kiosk library)" | report
  fi
fi
