//! Bar and pie chart data and look.

/// Data and look of a bar or pie chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Title drawn above the chart.
    pub title: String,
    /// Categories and values; negative values are drawn as zero.
    pub points: Vec<ChartPoint>,
    /// Unit appended to value labels, e.g. "triệu USD" or "%".
    pub unit: String,
    /// Decimals shown in value labels.
    pub decimals: u8,
    /// Thousands/decimal separators of value labels.
    pub number_style: NumberStyle,
    /// Bar direction (ignored by pie charts).
    pub direction: BarDirection,
    /// Colours cycled over the points; empty means the built-in palette.
    pub palette: Vec<Color>,
    /// Height of the plot in millimetres; `None` picks a default.
    pub height_mm: Option<f32>,
}

impl Chart {
    /// A chart with default look: vertical bars, no unit, no decimals, Vietnamese numbers.
    pub fn new(title: impl Into<String>, points: Vec<ChartPoint>) -> Self {
        Self {
            title: title.into(),
            points,
            unit: String::new(),
            decimals: 0,
            number_style: NumberStyle::Vietnamese,
            direction: BarDirection::Vertical,
            palette: Vec::new(),
            height_mm: None,
        }
    }
}

/// One category of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    /// Category name (shown in the legend and on the axis).
    pub label: String,
    /// Value.
    pub value: f64,
}

impl ChartPoint {
    /// A point with a label and a value.
    pub fn new(label: impl Into<String>, value: f64) -> Self {
        Self {
            label: label.into(),
            value,
        }
    }
}

/// Number formatting of chart labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// 1.234,5
    Vietnamese,
    /// 1,234.5
    English,
}

/// Bar direction of a bar chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarDirection {
    /// Bars grow upwards from a horizontal axis.
    Vertical,
    /// Bars grow rightwards from a vertical axis (better for long labels).
    Horizontal,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    /// Red, 0-255.
    pub r: u8,
    /// Green, 0-255.
    pub g: u8,
    /// Blue, 0-255.
    pub b: u8,
}

impl Color {
    /// A colour from its red, green and blue components.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }
}
