;; lrsim's WebAssembly SIMD kernels (src/model/simd/index.ts loads them; the bytes are built
;; from this file by `node scripts/build-wasm.mjs` into kernels-wasm.ts, and
;; test/model/simd.test.ts checks the two agree). Each kernel gives the same bits as the
;; plain JavaScript loop it replaces: f32 -> f64 is exact, the f64 operations are IEEE
;; (WebAssembly does not fuse multiply-add), and f64 -> f32 rounds to nearest, ties to
;; even, as a Float32Array store does.
(module
  (import "lrsim" "memory" (memory 1))

  ;; scale(p, end, f): x = f32(f64(x) * f) for the float32 values in bytes [p, end), four per
  ;; step (two f64x2 products), the rest one at a time. JS: for (n...) X[n] *= f.
  (func (export "scale") (param $p i32) (param $end i32) (param $f f64)
    (local $v v128) (local $fv v128)
    (local.set $fv (f64x2.splat (local.get $f)))
    (block $done
      (loop $four
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (v128.store (local.get $p)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v)) (local.get $fv)))
            (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v)))
              (local.get $fv)))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $four)))
    (block $done1
      (loop $one
        (br_if $done1 (i32.ge_u (local.get $p) (local.get $end)))
        (f32.store (local.get $p)
          (f32.demote_f64 (f64.mul (f64.promote_f32 (f32.load (local.get $p))) (local.get $f))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $one))))

  ;; skill(p, n, row, r, K, phi): the sum over n consecutive agents (rows of `row` bytes from
  ;; byte p, T and E side by side) of sum_k (T_k + phi E_k) r_k, r the K doubles at byte r.
  ;; Each agent's sum runs over k in order and the agents are added in order: JS's
  ;; meanResidentSkill loop. Four agents at a time, two per f64x2 (lane 0 the first), then
  ;; one at a time.
  (func (export "skill") (param $p i32) (param $n i32) (param $row i32) (param $r i32) (param $K i32) (param $phi f64) (result f64)
    (local $total f64) (local $s f64) (local $k i32) (local $q i32) (local $rk i32)
    (local $ab v128) (local $cd v128) (local $v v128) (local $w v128) (local $phiv v128) (local $rv v128)
    (local.set $phiv (f64x2.splat (local.get $phi)))
    (block $done4
      (loop $four
        (br_if $done4 (i32.lt_u (local.get $n) (i32.const 4)))
        (local.set $ab (v128.const i64x2 0 0))
        (local.set $cd (v128.const i64x2 0 0))
        (local.set $q (local.get $p))
        (local.set $rk (local.get $r))
        (local.set $k (i32.const 0))
        (block $dk
          (loop $lk
            (br_if $dk (i32.ge_u (local.get $k) (local.get $K)))
            (local.set $rv (f64x2.splat (f64.load (local.get $rk))))
            ;; v = [T_a, E_a, T_b, E_b], w = [T_c, E_c, T_d, E_d] (f32)
            (local.set $v (v128.load64_lane 1 (i32.add (local.get $q) (local.get $row)) (v128.load64_zero (local.get $q))))
            (local.set $w (v128.load64_lane 1 (i32.add (local.get $q) (i32.mul (local.get $row) (i32.const 3)))
              (v128.load64_zero (i32.add (local.get $q) (i32.shl (local.get $row) (i32.const 1))))))
            ;; acc += (T + phi E) r, per lane
            (local.set $ab (f64x2.add (local.get $ab) (f64x2.mul
              (f64x2.add
                (f64x2.promote_low_f32x4 (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 0 1 2 3 (local.get $v) (local.get $v)))
                (f64x2.mul (local.get $phiv) (f64x2.promote_low_f32x4 (i8x16.shuffle 4 5 6 7 12 13 14 15 0 1 2 3 0 1 2 3 (local.get $v) (local.get $v)))))
              (local.get $rv))))
            (local.set $cd (f64x2.add (local.get $cd) (f64x2.mul
              (f64x2.add
                (f64x2.promote_low_f32x4 (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 0 1 2 3 (local.get $w) (local.get $w)))
                (f64x2.mul (local.get $phiv) (f64x2.promote_low_f32x4 (i8x16.shuffle 4 5 6 7 12 13 14 15 0 1 2 3 0 1 2 3 (local.get $w) (local.get $w)))))
              (local.get $rv))))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (local.set $rk (i32.add (local.get $rk) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $lk)))
        (local.set $total (f64.add (local.get $total) (f64x2.extract_lane 0 (local.get $ab))))
        (local.set $total (f64.add (local.get $total) (f64x2.extract_lane 1 (local.get $ab))))
        (local.set $total (f64.add (local.get $total) (f64x2.extract_lane 0 (local.get $cd))))
        (local.set $total (f64.add (local.get $total) (f64x2.extract_lane 1 (local.get $cd))))
        (local.set $p (i32.add (local.get $p) (i32.shl (local.get $row) (i32.const 2))))
        (local.set $n (i32.sub (local.get $n) (i32.const 4)))
        (br $four)))
    (block $done1
      (loop $one
        (br_if $done1 (i32.eqz (local.get $n)))
        (local.set $s (f64.const 0))
        (local.set $q (local.get $p))
        (local.set $rk (local.get $r))
        (local.set $k (i32.const 0))
        (block $dk1
          (loop $lk1
            (br_if $dk1 (i32.ge_u (local.get $k) (local.get $K)))
            (local.set $s (f64.add (local.get $s) (f64.mul
              (f64.add (f64.promote_f32 (f32.load (local.get $q)))
                (f64.mul (local.get $phi) (f64.promote_f32 (f32.load offset=4 (local.get $q)))))
              (f64.load (local.get $rk)))))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (local.set $rk (i32.add (local.get $rk) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $lk1)))
        (local.set $total (f64.add (local.get $total) (local.get $s)))
        (local.set $p (i32.add (local.get $p) (local.get $row)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $one)))
    (local.get $total))

  ;; convert(p, n, row, K, he, hi, out): SECI conversion of n consecutive agents (rows of
  ;; `row` bytes from byte p): per domain d = T - E, a = |d|, T += hi (a - d), E += he (a + d)
  ;; (he, hi the halved rates), stored as f32; agent j's sum over k in order of the new
  ;; (unrounded) T + E to the double at out + 8 j. JS: conversionInPlace's loop. Two domains
  ;; per f64x2, two agents at a time (two independent sums), then one at a time.
  (func $convertOne (param $q i32) (param $K i32) (param $he f64) (param $hi f64) (result f64)
    (local $sum f64) (local $k i32) (local $v v128) (local $t0 v128) (local $e0 v128) (local $d v128) (local $a v128)
    (local $t v128) (local $e v128) (local $te v128) (local $hev v128) (local $hiv v128)
    (local $ts f64) (local $es f64) (local $ds f64) (local $as f64)
    (local.set $hev (f64x2.splat (local.get $he)))
    (local.set $hiv (f64x2.splat (local.get $hi)))
    (block $done2
      (loop $two
        (br_if $done2 (i32.gt_u (i32.add (local.get $k) (i32.const 2)) (local.get $K)))
        (local.set $v (v128.load (local.get $q)))
        (local.set $t0 (f64x2.promote_low_f32x4 (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 0 1 2 3 (local.get $v) (local.get $v))))
        (local.set $e0 (f64x2.promote_low_f32x4 (i8x16.shuffle 4 5 6 7 12 13 14 15 0 1 2 3 0 1 2 3 (local.get $v) (local.get $v))))
        (local.set $d (f64x2.sub (local.get $t0) (local.get $e0)))
        (local.set $a (f64x2.abs (local.get $d)))
        (local.set $t (f64x2.add (local.get $t0) (f64x2.mul (local.get $hiv) (f64x2.sub (local.get $a) (local.get $d)))))
        (local.set $e (f64x2.add (local.get $e0) (f64x2.mul (local.get $hev) (f64x2.add (local.get $a) (local.get $d)))))
        (v128.store (local.get $q)
          (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            (f32x4.demote_f64x2_zero (local.get $t)) (f32x4.demote_f64x2_zero (local.get $e))))
        (local.set $te (f64x2.add (local.get $t) (local.get $e)))
        (local.set $sum (f64.add (local.get $sum) (f64x2.extract_lane 0 (local.get $te))))
        (local.set $sum (f64.add (local.get $sum) (f64x2.extract_lane 1 (local.get $te))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $two)))
    (if (i32.lt_u (local.get $k) (local.get $K))
      (then
        (local.set $ts (f64.promote_f32 (f32.load (local.get $q))))
        (local.set $es (f64.promote_f32 (f32.load offset=4 (local.get $q))))
        (local.set $ds (f64.sub (local.get $ts) (local.get $es)))
        (local.set $as (f64.abs (local.get $ds)))
        (local.set $ts (f64.add (local.get $ts) (f64.mul (local.get $hi) (f64.sub (local.get $as) (local.get $ds)))))
        (local.set $es (f64.add (local.get $es) (f64.mul (local.get $he) (f64.add (local.get $as) (local.get $ds)))))
        (f32.store (local.get $q) (f32.demote_f64 (local.get $ts)))
        (f32.store offset=4 (local.get $q) (f32.demote_f64 (local.get $es)))
        (local.set $sum (f64.add (local.get $sum) (f64.add (local.get $ts) (local.get $es))))))
    (local.get $sum))

  (func (export "convert") (param $p i32) (param $n i32) (param $row i32) (param $K i32) (param $he f64) (param $hi f64) (param $out i32)
    (block $done
      (loop $one
        (br_if $done (i32.eqz (local.get $n)))
        (f64.store (local.get $out) (call $convertOne (local.get $p) (local.get $K) (local.get $he) (local.get $hi)))
        (local.set $p (i32.add (local.get $p) (local.get $row)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $one))))
)
