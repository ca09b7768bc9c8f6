//! End-to-end tests on the real app window. Run under `xvfb-run -a` after building the app and
//! the CLI (the README's test command does all of it). One WebKitWebDriver session at a time, so
//! the scenarios run one after another inside one test.

mod briefs;
mod contacts;
mod delegations;
mod foundation;

#[test]
fn end_to_end() {
    foundation::first_screen_and_delegation_form();
    briefs::compose_and_save_a_brief();
    delegations::overlapping_items_conflict_and_the_itinerary_prints();
    contacts::import_with_a_bad_row_then_find_without_accents();
    contacts::a_long_people_list_scrolls_to_its_end_with_few_rows_in_the_page();
}
