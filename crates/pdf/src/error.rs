//! Errors of the PDF engine.

/// What can go wrong while rendering a [`crate::Document`].
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An image block holds bytes that are neither PNG nor JPEG.
    #[error("block {block}: image is not PNG or JPEG (first bytes: {signature})")]
    UnsupportedImage {
        /// Index of the block in `Document::blocks`.
        block: usize,
        /// The first bytes, in hex, to help spot what was passed instead.
        signature: String,
    },
    /// An image block looks like PNG/JPEG but cannot be decoded.
    #[error("block {block}: cannot decode {format} image: {message}")]
    ImageDecode {
        /// Index of the block in `Document::blocks`.
        block: usize,
        /// "PNG" or "JPEG".
        format: &'static str,
        /// The decoder's message.
        message: String,
    },
    /// A page setup that leaves no room for content (margins wider than the paper).
    #[error("page margins leave no room for content ({width_mm:.1} × {height_mm:.1} mm body)")]
    NoBodyArea {
        /// Body width left by the margins.
        width_mm: f32,
        /// Body height left by the margins.
        height_mm: f32,
    },
    /// An embedded font could not be parsed (a build problem, not an input problem).
    #[error("embedded font {0} could not be parsed")]
    Font(&'static str),
    /// The PDF could not be serialised.
    #[error("PDF serialisation failed: {0}")]
    Serialize(String),
}
