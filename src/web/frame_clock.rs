//! At most one redraw per animation frame: requests made during a frame are merged into the
//! next one. Work the reader cannot see yet (charts out of view) runs in plain tasks instead,
//! back to back, without waiting for frames.

use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

use js_sys::Function;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Window;

use crate::web::with_window;

/// A kind of callback the page can queue: whether one is queued, and its closure, made once.
type Pending = LocalKey<Cell<bool>>;
type Slot = LocalKey<RefCell<Option<Closure<dyn FnMut()>>>>;

thread_local! {
    static FRAME_PENDING: Cell<bool> = const { Cell::new(false) };
    static FRAME: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
    static TASK_PENDING: Cell<bool> = const { Cell::new(false) };
    static TASK: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
    static LATER_ID: Cell<Option<i32>> = const { Cell::new(None) };
    static LATER: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
}

/// Runs `work` on the next animation frame, unless a frame is already requested.
pub fn request(work: fn()) {
    queue(&FRAME_PENDING, &FRAME, work, |window, callback| {
        window.request_animation_frame(callback).is_ok()
    });
}

/// Runs `work` in a task of its own as soon as the page is free, unless one is already queued.
pub fn soon(work: fn()) {
    queue(&TASK_PENDING, &TASK, work, |window, callback| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback, 0)
            .is_ok()
    });
}

/// Runs `work` once the page has been left alone for `LATER_MS`: each call starts the wait
/// again. For what the reader does not watch happen, such as the address.
pub fn later(work: fn()) {
    with_window(|window| later_in(window, work));
}

/// As [`later`], in `window`.
fn later_in(window: &Window, work: fn()) {
    with_callback(
        &LATER,
        work,
        || LATER_ID.with(|id| id.set(None)),
        |callback| {
            if let Some(id) = LATER_ID.with(Cell::take) {
                window.clear_timeout_with_handle(id);
            }
            let id =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(callback, LATER_MS);
            LATER_ID.with(|slot| slot.set(id.ok()));
        },
    );
}

/// How long [`later`] waits, in milliseconds: past a click's frames and a finger's pause.
pub const LATER_MS: i32 = 300;

/// Queues the slot's closure (made on first use to run `work`) with `arm`, unless it is queued.
/// The first `work` given to a slot is the one it runs.
fn queue(
    pending: &'static Pending,
    slot: &'static Slot,
    work: fn(),
    arm: impl Fn(&Window, &Function) -> bool,
) {
    if pending.with(Cell::get) {
        return;
    }
    with_window(|window| {
        with_callback(
            slot,
            work,
            move || pending.with(|p| p.set(false)),
            |callback| {
                if arm(window, callback) {
                    pending.with(|p| p.set(true));
                }
            },
        );
    });
}

/// Hands `use_it` the slot's closure, made on first use to run `first` and then `work`.
fn with_callback(
    slot: &'static Slot,
    work: fn(),
    first: impl Fn() + 'static,
    use_it: impl FnOnce(&Function),
) {
    slot.with(|slot| {
        let mut slot = slot.borrow_mut();
        let callback = slot.get_or_insert_with(|| {
            Closure::<dyn FnMut()>::new(move || {
                first();
                work();
            })
        });
        use_it(callback.as_ref().unchecked_ref());
    });
}
