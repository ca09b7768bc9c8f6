//! Pictures of opportunities: untrusted files checked by signature, decoded with limits, resized
//! and re-encoded before they reach the store (so nothing of the original file is kept but pixels).

use crate::error::{invalid, CoreError, Result};
use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Largest picture file accepted.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;
/// Longest side kept; larger pictures are scaled down.
pub const MAX_SIDE: u32 = 1600;

/// A picture ready to store.
pub struct Prepared {
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

fn bad(vi: &str, en: &str) -> CoreError {
    invalid("file", "unsupported_image", vi, en)
}

/// Checks, decodes, scales down and re-encodes a PNG or JPEG file.
pub fn prepare(input: &[u8]) -> Result<Prepared> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(invalid(
            "file",
            "too_large",
            format!("Ảnh lớn hơn {} MB", MAX_INPUT_BYTES / 1024 / 1024),
            format!(
                "The picture is larger than {} MB",
                MAX_INPUT_BYTES / 1024 / 1024
            ),
        ));
    }
    let format = if input.starts_with(b"\x89PNG\r\n\x1a\n") {
        ImageFormat::Png
    } else if input.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ImageFormat::Jpeg
    } else {
        return Err(bad(
            "Chỉ nhận ảnh PNG hoặc JPEG",
            "Only PNG or JPEG pictures are accepted",
        ));
    };
    let mut reader = ImageReader::with_format(Cursor::new(input), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| {
        invalid(
            "file",
            "corrupt_image",
            format!("Không đọc được ảnh: {e}"),
            format!("Cannot read the picture: {e}"),
        )
    })?;
    let img = if img.width().max(img.height()) > MAX_SIDE {
        img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        img
    };
    let (width, height) = img.dimensions();
    let keep_alpha = img.color().has_alpha();
    let mut bytes = Vec::new();
    let mime = if keep_alpha {
        img.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .map_err(|e| CoreError::Render(e.to_string()))?;
        "image/png"
    } else {
        let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 85);
        rgb.write_with_encoder(encoder)
            .map_err(|e| CoreError::Render(e.to_string()))?;
        "image/jpeg"
    };
    Ok(Prepared {
        mime,
        width,
        height,
        bytes,
    })
}

/// Reads the picture at `path` (at most `MAX_INPUT_BYTES`) and adds it to the opportunity.
pub fn add_from_file(
    store: &mut crate::Store,
    opportunity_id: i64,
    path: &std::path::Path,
    caption: Option<&str>,
) -> Result<crate::store::OpportunityImage> {
    let bytes = crate::files::read_limited(path, MAX_INPUT_BYTES)?;
    store.add_opportunity_image(opportunity_id, &bytes, caption)
}

/// A stored picture as a `data:` URL (what the window's CSP allows for images).
pub fn data_url(store: &crate::Store, image_id: i64) -> Result<String> {
    use base64::Engine;
    let (mime, bytes) = store.opportunity_image_bytes(image_id)?;
    Ok(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}
