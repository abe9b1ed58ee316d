//! Stable sorting through one compiled copy of the standard library's sort.
//!
//! `slice::sort_by` is compiled anew for every element type and comparison, a few KB of wasm
//! each. These functions sort the positions `0..len` instead (always the same code, the
//! comparison behind a `dyn`), then move the elements into that order. The result is exactly
//! that of `slice::sort_by` (stable: equal elements keep their order).
//!
//! Plain Rust: no UI or browser types.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let swaps = sorting_swaps(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    for (i, j) in swaps {
        v.swap(i, j);
    }
}

/// Sorts `v` stably by a key, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The swaps that put `len` elements in the stable order of `compare` (which compares the
/// elements at two positions).
#[inline(never)]
fn sorting_swaps(
    len: usize,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) -> Vec<(usize, usize)> {
    // order[i]: the position of the element that goes to position i.
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    // Each cycle of the permutation, followed from its first position: position `at` takes
    // the element from `from`, whose place then waits for the next element of the cycle.
    let mut swaps = Vec::new();
    for start in 0..len {
        let mut at = start;
        while order[at] != usize::MAX {
            let from = order[at];
            order[at] = usize::MAX;
            if from == start {
                break;
            }
            swaps.push((at, from));
            at = from;
        }
    }
    swaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_order_of_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            let mut ours = v.clone();
            let mut theirs = v;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn by_key_reversed() {
        let mut v = vec!["bb", "a", "ccc", "dd"];
        sort_by_key(&mut v, |s| std::cmp::Reverse(s.len()));
        assert_eq!(v, ["ccc", "bb", "dd", "a"]);
    }
}
