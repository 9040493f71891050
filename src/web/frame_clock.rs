//! At most one redraw per animation frame: requests made during a frame are merged into the
//! next one. Work the reader cannot see yet (charts out of view) runs in plain tasks instead,
//! back to back, without waiting for frames.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static PENDING: Cell<bool> = const { Cell::new(false) };
    static TICK: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
    static TASK_PENDING: Cell<bool> = const { Cell::new(false) };
    static TASK: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
}

/// Runs `work` in a task of its own as soon as the page is free, unless one is already queued.
pub fn soon(work: fn()) {
    if TASK_PENDING.with(Cell::get) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    TASK.with(|task| {
        let mut task = task.borrow_mut();
        let callback = task.get_or_insert_with(|| {
            Closure::<dyn FnMut()>::new(move || {
                TASK_PENDING.with(|p| p.set(false));
                work();
            })
        });
        if window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                0,
            )
            .is_ok()
        {
            TASK_PENDING.with(|p| p.set(true));
        }
    });
}

/// Runs `work` on the next animation frame, unless a frame is already requested.
pub fn request(work: fn()) {
    if PENDING.with(Cell::get) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    TICK.with(|tick| {
        let mut tick = tick.borrow_mut();
        let callback = tick.get_or_insert_with(|| {
            Closure::<dyn FnMut()>::new(move || {
                PENDING.with(|p| p.set(false));
                work();
            })
        });
        if window
            .request_animation_frame(callback.as_ref().unchecked_ref())
            .is_ok()
        {
            PENDING.with(|p| p.set(true));
        }
    });
}
