/**
 * The machine's latency of dependent random reads by working-set size (a pointer chase
 * through one random cycle, one read per 64-byte line), in ns per read: the median of
 * `repeats` chases of 4 M reads each. It says how much a random partner row costs on this
 * machine at the state sizes of 10^5 and 10^6 agents (about 110 MB and 780 MB at K = 24),
 * which is what bounds the 10^6/10^5 per-tick ratio of `npm run bench`: a partner drawn at
 * random misses the cache at both sizes, but a miss costs more in a larger working set
 * (more TLB misses; in a VM with nested paging, many more).
 *
 *   taskset -c 1 npx tsx bench/memory-latency.ts [MB,MB,...] [repeats]
 */
const sizes = (process.argv[2] ?? '1,4,8,16,32,110,256,780').split(',').map(Number);
const repeats = Number(process.argv[3] ?? 3);
const LINE = 16; // Int32 slots per 64-byte line
const READS = 4_000_000;

/** A cycle through every line of an Int32Array of `bytes` bytes in an order set by `seed`. */
function cycle(bytes: number, seed: number): Int32Array {
  const a = new Int32Array(Math.floor(bytes / 4));
  const m = Math.floor(a.length / LINE);
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  let s = seed >>> 0;
  for (let i = m - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  for (let i = 0; i < m; i++) a[perm[i] * LINE] = perm[(i + 1) % m] * LINE;
  return a;
}

function chase(a: Int32Array): number {
  let p = 0;
  for (let i = 0; i < 100_000; i++) p = a[p];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < READS; i++) p = a[p];
  const ns = Number(process.hrtime.bigint() - t0) / READS;
  if (p < 0) throw new Error('unreachable'); // keeps the chase from being optimised away
  return ns;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const result: Record<string, number> = {};
for (const mb of sizes) {
  const a = cycle(mb * 1048576, 12345 + mb);
  const ns = median(Array.from({ length: repeats }, () => chase(a)));
  result[`${mb} MB`] = Math.round(ns * 10) / 10;
  console.log(`${String(mb).padStart(5)} MB  ${ns.toFixed(1).padStart(7)} ns per read`);
}
console.log(JSON.stringify({ repeats, reads: READS, ns_per_read: result }));
