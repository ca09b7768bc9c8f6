//! The PDF outline (bookmarks), nested by heading level.
//!
//! printpdf only writes a flat bookmark list, so the outline is built here on
//! the lopdf document printpdf produces.

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::layout::items::OutlineEntry;

/// A heading and the headings nested under it.
#[derive(Debug, PartialEq)]
struct Node<'a> {
    entry: &'a OutlineEntry,
    children: Vec<Node<'a>>,
}

/// Nests entries: each one goes under the closest previous entry of a lower level.
fn nest(entries: &[OutlineEntry]) -> Vec<Node<'_>> {
    fn insert<'a>(siblings: &mut Vec<Node<'a>>, entry: &'a OutlineEntry) {
        match siblings.last_mut() {
            Some(last) if last.entry.level < entry.level => insert(&mut last.children, entry),
            _ => siblings.push(Node {
                entry,
                children: Vec::new(),
            }),
        }
    }
    let mut roots = Vec::new();
    for entry in entries {
        insert(&mut roots, entry);
    }
    roots
}

/// A PDF text string: UTF-16BE with a byte-order mark, so Vietnamese titles survive.
pub(crate) fn text_string(text: &str) -> Object {
    Object::String(utf16_text(text), lopdf::StringFormat::Hexadecimal)
}

/// UTF-16BE with a byte-order mark, the encoding of PDF text strings.
pub(crate) fn utf16_text(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    bytes
}

/// Adds the outline to `doc`'s catalog; `page_ids` are the page objects in order.
pub(crate) fn add_outline(
    doc: &mut Document,
    catalog: &mut Dictionary,
    entries: &[OutlineEntry],
    page_ids: &[ObjectId],
    page_height: f32,
) {
    let roots = nest(entries);
    if roots.is_empty() {
        return;
    }
    let root_id = doc.new_object_id();
    let ctx = Context {
        page_ids,
        page_height,
    };
    let (first, last, count) = write_level(doc, &roots, root_id, &ctx);
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"Outlines".to_vec()));
    root.set("First", Object::Reference(first));
    root.set("Last", Object::Reference(last));
    root.set("Count", Object::Integer(count));
    doc.objects.insert(root_id, Object::Dictionary(root));
    catalog.set("Outlines", Object::Reference(root_id));
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
}

struct Context<'a> {
    page_ids: &'a [ObjectId],
    page_height: f32,
}

/// Writes sibling items under `parent`; returns first, last and the number of
/// visible descendants (all items are open).
fn write_level(
    doc: &mut Document,
    nodes: &[Node],
    parent: ObjectId,
    ctx: &Context,
) -> (ObjectId, ObjectId, i64) {
    let ids: Vec<ObjectId> = nodes.iter().map(|_| doc.new_object_id()).collect();
    let mut count = 0;
    for (i, node) in nodes.iter().enumerate() {
        let mut item = Dictionary::new();
        item.set("Title", text_string(&node.entry.title));
        item.set("Parent", Object::Reference(parent));
        let page = ctx.page_ids[node.entry.page.min(ctx.page_ids.len() - 1)];
        item.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page),
                Object::Name(b"XYZ".to_vec()),
                Object::Integer(0),
                Object::Real(ctx.page_height - node.entry.y + 4.0),
                Object::Null,
            ]),
        );
        if i > 0 {
            item.set("Prev", Object::Reference(ids[i - 1]));
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", Object::Reference(*next));
        }
        count += 1;
        if !node.children.is_empty() {
            let (first, last, below) = write_level(doc, &node.children, ids[i], ctx);
            item.set("First", Object::Reference(first));
            item.set("Last", Object::Reference(last));
            item.set("Count", Object::Integer(below));
            count += below;
        }
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    (ids[0], ids[ids.len() - 1], count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(level: u8, title: &str) -> OutlineEntry {
        OutlineEntry {
            level,
            title: title.to_string(),
            page: 0,
            y: 0.0,
        }
    }

    fn shape(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| {
                if n.children.is_empty() {
                    n.entry.title.clone()
                } else {
                    format!("{}({})", n.entry.title, shape(&n.children))
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    #[test]
    fn headings_nest_by_level() {
        let entries = [
            entry(1, "A"),
            entry(2, "A1"),
            entry(3, "A1a"),
            entry(2, "A2"),
            entry(1, "B"),
            entry(3, "B-deep"),
            entry(2, "B1"),
        ];
        assert_eq!(shape(&nest(&entries)), "A(A1(A1a),A2),B(B-deep,B1)");
    }

    #[test]
    fn a_document_may_start_below_level_one() {
        let entries = [entry(2, "x"), entry(1, "y"), entry(2, "z")];
        assert_eq!(shape(&nest(&entries)), "x,y(z)");
    }
}
