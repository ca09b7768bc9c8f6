//! PDF engine (placeholder).
