//! The exchange crate's tests, one binary: the honest round trip, the tamper matrix (hostile ZIPs
//! built by Python's zipfile where it can express them, patched bytes where it cannot), single-byte
//! flips, office cards and the format document.

mod python;
mod support;

mod cards;
mod document;
mod flips;
mod interop;
mod roundtrip;
mod seeds;
mod tamper_members;
mod tamper_names;
mod tamper_signed;
mod tamper_zip;
