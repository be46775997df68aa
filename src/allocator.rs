//! The global allocator of the binary (and of the benchmark floor): mimalloc. Rendering,
//! Markdown and minifying allocate many small strings from several threads, and glibc's
//! malloc took about a quarter of a build's time (docs/benchmarks.md). Its `no_thp`
//! feature: asked for transparent huge pages, the kernel zeroed 2 MB for each fresh page
//! mimalloc touched, a third of a small build's time, and the peak memory of a
//! 50-kommune build was 135 MB instead of 90 MB.
//!
//! A block whose alignment `mi_malloc` gives anyway is asked for with it, as std's own
//! allocator does with `malloc`: the `mimalloc` crate asks `mi_malloc_aligned` for every
//! block, a longer path, and a build allocates millions of blocks.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// What every block of at least this size is aligned to (mimalloc's `MI_MAX_ALIGN_SIZE`);
/// a smaller block is aligned to a multiple of 8 no smaller than its size allows.
const MIN_ALIGN: usize = 16;

pub struct Allocator;

/// Whether a block of `size` bytes from `mi_malloc` has `align` (std's rule for `malloc`).
fn plain(align: usize, size: usize) -> bool {
    align <= MIN_ALIGN && align <= size
}

/// `plain(size)` where a plain block has the alignment, else `aligned(size, align)`.
///
/// # Safety
///
/// As for mimalloc's functions: `layout`'s alignment is a power of two.
#[inline]
unsafe fn block(
    layout: Layout,
    plain_block: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned_block: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    // SAFETY: the caller's contract.
    unsafe {
        if plain(layout.align(), layout.size()) {
            plain_block(layout.size()) as *mut u8
        } else {
            aligned_block(layout.size(), layout.align()) as *mut u8
        }
    }
}

unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: a `Layout`'s alignment is a power of two.
        unsafe { block(layout, mi::mi_malloc, mi::mi_malloc_aligned) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe { block(layout, mi::mi_zalloc, mi::mi_zalloc_aligned) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from mimalloc (the caller's contract).
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from mimalloc with `layout` (the caller's contract).
        unsafe {
            if plain(layout.align(), new_size) {
                mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_their_alignment_through_growth_and_shrinking() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 7, 8, 15, 16, 24, 100, 1000, 70_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                unsafe {
                    let p = Allocator.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "alloc {size} aligned {align}");
                    std::ptr::write_bytes(p, 0xAB, size);
                    let mut at = (p, layout);
                    for new_size in [size * 3 + 1, size.div_ceil(2).max(1), size * 40] {
                        let grown = Allocator.realloc(at.0, at.1, new_size);
                        assert_eq!(grown as usize % align, 0, "realloc to {new_size} ({align})");
                        let kept = at.1.size().min(new_size);
                        assert!((0..kept).all(|i| *grown.add(i) == 0xAB || i >= size));
                        std::ptr::write_bytes(grown, 0xAB, new_size.min(size));
                        at = (grown, Layout::from_size_align(new_size, align).unwrap());
                    }
                    Allocator.dealloc(at.0, at.1);
                    let z = Allocator.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    Allocator.dealloc(z, layout);
                }
            }
        }
    }
}
