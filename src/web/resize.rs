//! A ResizeObserver that owns its callback and disconnects when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};

/// Calls a function whenever an element's size changes, until dropped.
pub struct OnResize {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl OnResize {
    /// Observes `element`, calling `on_resize` after each change of its size.
    ///
    /// # Errors
    /// A message if the browser has no ResizeObserver.
    pub fn observe(element: &Element, on_resize: impl FnMut() + 'static) -> Result<Self, String> {
        let callback = Closure::<dyn FnMut()>::new(on_resize);
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())
            .map_err(|_| "this browser cannot follow the figure's size".to_string())?;
        observer.observe(element);
        Ok(Self {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for OnResize {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
