// Every command the app's window may call, declared once: its group, name, arguments and
// reply. Read by `src-tauri` (the Tauri command functions and their registration are generated
// from it), by `src-tauri/build.rs` (one permission per command, through `include!` of this
// file, which therefore holds nothing but the macro), and by the core's code generation
// (`commands::typescript`, the TypeScript signatures that `ui/src/lib/api.ts` and the tests'
// fake core are checked against). A group is a module of `planner_core::commands` holding the
// functions, each `fn(&mut Session, args...) -> Result<Reply>`.
//
// Types are named as `planner_core::commands::types` exports them.

/// Calls `$then! { group { name(arg: Type, ...) -> Reply; ... } ... }` with every command.
#[macro_export]
macro_rules! with_commands {
    ($then:ident) => {
        $then! {
            records {
                app_info() -> AppInfo;
                get_settings() -> Settings;
                save_settings(settings: Settings) -> ();
                dashboard() -> Dashboard;
                pipeline_totals(filter: PipelineFilter) -> PipelineTotals;
                list_records(kind: EntityKind, query: ListQuery) -> Page<Value>;
                get_record(kind: EntityKind, id: i64) -> Value;
                create_record(kind: EntityKind, data: Value) -> Value;
                update_record(kind: EntityKind, id: i64, patch: Value) -> Value;
                delete_record(kind: EntityKind, id: i64, revision: Option<i64>) -> ();
                record_audit(kind: EntityKind, id: i64) -> Vec<AuditEntry>;
                linked_records(kind: EntityKind, id: i64) -> Linked;
                search(query: String, per_kind: Option<u32>) -> SearchResults;
                list_sectors() -> Vec<Sector>;
                add_sector(name_vi: String, name_en: String) -> Sector;
                open_link(kind: LinkKind, value: String) -> ();
            }
            briefs {
                brief_suggestions(audience: Audience) -> Vec<OpportunitySuggestion>;
                brief_preview(request: BriefRequest) -> BriefModel;
                brief_generate(request: BriefRequest, path: Option<String>) -> GeneratedBrief;
                brief_open(brief_id: i64) -> ();
            }
            images {
                opportunity_images(opportunity_id: i64) -> Vec<OpportunityImage>;
                opportunity_image_data(image_id: i64) -> String;
                add_opportunity_image(opportunity_id: i64, path: String, caption: Option<String>) -> OpportunityImage;
                remove_opportunity_image(image_id: i64) -> ();
            }
            delegations {
                itinerary_view(delegation_id: i64) -> ItineraryView;
                itinerary_entry(item_id: i64) -> ItemEntry;
                save_itinerary_item(item_id: Option<i64>, entry: ItemEntry) -> Value;
                quick_add_item(request: QuickAddRequest) -> QuickAdded;
                duplicate_itinerary_item(item_id: i64, to_date: Option<NaiveDate>) -> Value;
                move_itinerary_item(item_id: i64, to_date: NaiveDate) -> Value;
                delegation_next_steps(delegation_id: i64) -> Vec<NextStep>;
                delegation_transition(delegation_id: i64, transition: Transition) -> Value;
                counsellor_load(counsellor_id: i64) -> CounsellorLoad;
                export_itinerary_ics(delegation_id: i64, member_id: Option<i64>, path: Option<String>) -> ExportedFile;
                print_itinerary(delegation_id: i64, options: PrintOptions, path: Option<String>) -> ExportedFile;
                open_itinerary_pdf(path: String) -> ();
            }
            people {
                find_duplicates() -> Vec<DuplicatePair>;
                merge_contacts(keep_id: i64, other_id: i64) -> Value;
                person_export(contact_id: i64, path: String) -> ExportedFile;
                person_erase(contact_id: i64) -> EraseReport;
                import_preview(path: String, format: Option<ImportFormat>, mapping: Option<Vec<ColumnMap>>) -> ImportReport;
                import_contacts(request: ImportRequest) -> ImportReport;
                undo_import(import_id: i64) -> UndoReport;
                list_imports() -> Vec<ImportBatch>;
                export_contacts(format: ExportFormat, path: String) -> ExportedFile;
            }
            exchange {
                office_view() -> OfficeView;
                save_office(profile: OfficeProfile) -> OfficeView;
                export_office_card(path: Option<String>) -> ExportedFile;
                exchange_export(brief_id: i64, personal_data: bool, sent_to: Option<String>, path: Option<String>) -> SentBundle;
                exchange_inspect(path: String) -> Inspection;
                exchange_import(path: String, trust: bool) -> ImportOutcome;
                exchange_inbox() -> Vec<ReceivedBrief>;
                exchange_outbox() -> Vec<SentBundle>;
                received_detail(received_id: i64) -> ReceivedDetail;
                open_received_pdf(received_id: i64) -> ();
                regenerate_received(received_id: i64, language: BriefLanguage, path: Option<String>) -> ExportedFile;
                adopt_preview(received_id: i64, opportunity_uuids: Option<Vec<String>>) -> Vec<AdoptPlan>;
                adopt_received(received_id: i64, opportunity_uuids: Option<Vec<String>>, choices: Vec<FieldChoice>) -> AdoptReport;
                trusted_offices() -> Vec<TrustedOffice>;
                inspect_office_card(path: String) -> OfficeCardView;
                trust_office(fingerprint: String, card_path: Option<String>, name: Option<String>) -> TrustedOffice;
                rename_office(key_id: i64, name: String) -> TrustedOffice;
                revoke_office(key_id: i64) -> TrustedOffice;
                launch_bundle() -> Option<String>;
            }
            backups {
                backup_status() -> BackupStatus;
                list_backups() -> Vec<BackupFile>;
                verify_backup(path: String) -> Verified;
                backup_now() -> BackupFile;
                set_backup_folders(folder: Option<String>, second: Option<String>) -> BackupStatus;
                restore_backup(path: String) -> RestoreReport;
                backups_holding_erased(contact_id: i64) -> ErasedInBackups;
                thin_backups_after_erase(contact_id: i64) -> ThinnedBackups;
            }
            health {
                store_health() -> StoreHealth;
            }
            first_run {
                first_run_state() -> FirstRunState;
                complete_first_run(choices: FirstRunChoices) -> FirstRunDone;
            }
        }
    };
}
