#!/bin/bash
# Switches the two fixed-share reference processes to claim mode at frame boundaries, then keeps one
# primary process running and adds a secondary (which yields above load 5.5) while the load average is below 4.
cd "$(dirname "$0")/../../../.."   # the project folder
W=plugins/xasdaml-feff/target/potential-bench/full
B2=$PWD/plugins/xasdaml-feff/target/bench-snap2   # copies of core, xafs, feff target/classes
CP=$B2/core:$B2/xafs:$B2/feff:$(cut -d: -f4- plugins/xasdaml-feff/target/bench-snap/cp.txt)
ARGS="--clusters data/cu-md-public.dump --bulk data/cu-bulk-md-public.dump --cluster-frames 40 --bulk-frames 20 --work $W --later $W/earlier-reference.tsv --claims true"
waitframe() { # $1 = part: wait until its log gains a finished-frame line or the process ends
  local n0=$(grep -c 'CPU s' $W/log-part$1.txt); local pid=$(cat $W/pid-part$1)
  while kill -0 $pid 2>/dev/null && [ "$(grep -c 'CPU s' $W/log-part$1.txt)" -eq "$n0" ]; do sleep 5; done
  kill $pid 2>/dev/null; while kill -0 $pid 2>/dev/null; do sleep 1; done
  echo "$(date -u +%T) part $1 stopped after a frame"
}
waitframe 1 &
waitframe 0
wait
nohup nice -n 10 java -cp "$CP" org.xasdaml.feff.bench.FullScfReference $ARGS > $W/log-primary.txt 2>&1 &
echo $! > $W/pid-primary; echo "$(date -u +%T) primary $(cat $W/pid-primary)"
sec=0
while kill -0 $(cat $W/pid-primary) 2>/dev/null; do
  l=$(cut -d' ' -f1 /proc/loadavg)
  if ! kill -0 $sec 2>/dev/null && awk "BEGIN{exit !($l < 4)}"; then
    nohup nice -n 10 java -cp "$CP" org.xasdaml.feff.bench.FullScfReference $ARGS --yield-above 5.5 >> $W/log-secondary.txt 2>&1 &
    sec=$!; echo "$(date -u +%T) load $l: secondary $sec"
  fi
  sleep 60
done
echo "$(date -u +%T) primary finished"
