// Generated from Rust by planner-core (src/commands/). Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` after changing a command.

import type {
  AdoptPlan,
  AdoptReport,
  AppInfo,
  Audience,
  AuditEntry,
  BackupFile,
  BackupStatus,
  BriefLanguage,
  BriefModel,
  BriefRequest,
  ColumnMap,
  CounsellorLoad,
  Dashboard,
  DuplicatePair,
  EntityKind,
  EraseReport,
  ErasedInBackups,
  ExportFormat,
  ExportedFile,
  FieldChoice,
  FirstRunChoices,
  FirstRunDone,
  FirstRunState,
  GeneratedBrief,
  ImportBatch,
  ImportFormat,
  ImportOutcome,
  ImportReport,
  ImportRequest,
  Inspection,
  ItemEntry,
  ItineraryView,
  JsonValue,
  LinkKind,
  Linked,
  ListQuery,
  NextStep,
  OfficeCardView,
  OfficeProfile,
  OfficeView,
  OpportunityImage,
  OpportunitySuggestion,
  Page,
  PipelineFilter,
  PipelineTotals,
  PrintOptions,
  QuickAddRequest,
  QuickAdded,
  ReceivedBrief,
  ReceivedDetail,
  RestoreReport,
  SearchResults,
  Sector,
  SentBundle,
  Settings,
  StoreHealth,
  ThinnedBackups,
  Transition,
  TrustedOffice,
  UndoReport,
  Verified,
} from './bindings.gen';

/** Every command the window may call: its arguments (as sent) and its reply. */
export interface Commands {
  app_info: { args: Record<string, never>; reply: AppInfo };
  get_settings: { args: Record<string, never>; reply: Settings };
  save_settings: { args: { settings: Settings }; reply: null };
  dashboard: { args: Record<string, never>; reply: Dashboard };
  pipeline_totals: { args: { filter: PipelineFilter }; reply: PipelineTotals };
  list_records: { args: { kind: EntityKind; query: ListQuery }; reply: Page<JsonValue> };
  get_record: { args: { kind: EntityKind; id: number }; reply: JsonValue };
  create_record: { args: { kind: EntityKind; data: JsonValue }; reply: JsonValue };
  update_record: { args: { kind: EntityKind; id: number; patch: JsonValue }; reply: JsonValue };
  delete_record: { args: { kind: EntityKind; id: number; revision?: number | null }; reply: null };
  record_audit: { args: { kind: EntityKind; id: number }; reply: Array<AuditEntry> };
  linked_records: { args: { kind: EntityKind; id: number }; reply: Linked };
  search: { args: { query: string; perKind?: number | null }; reply: SearchResults };
  list_sectors: { args: Record<string, never>; reply: Array<Sector> };
  add_sector: { args: { nameVi: string; nameEn: string }; reply: Sector };
  open_link: { args: { kind: LinkKind; value: string }; reply: null };
  brief_suggestions: { args: { audience: Audience }; reply: Array<OpportunitySuggestion> };
  brief_preview: { args: { request: BriefRequest }; reply: BriefModel };
  brief_generate: { args: { request: BriefRequest; path?: string | null }; reply: GeneratedBrief };
  brief_open: { args: { briefId: number }; reply: null };
  opportunity_images: { args: { opportunityId: number }; reply: Array<OpportunityImage> };
  opportunity_image_data: { args: { imageId: number }; reply: string };
  add_opportunity_image: { args: { opportunityId: number; path: string; caption?: string | null }; reply: OpportunityImage };
  remove_opportunity_image: { args: { imageId: number }; reply: null };
  itinerary_view: { args: { delegationId: number }; reply: ItineraryView };
  itinerary_entry: { args: { itemId: number }; reply: ItemEntry };
  save_itinerary_item: { args: { itemId?: number | null; entry: ItemEntry }; reply: JsonValue };
  quick_add_item: { args: { request: QuickAddRequest }; reply: QuickAdded };
  duplicate_itinerary_item: { args: { itemId: number; toDate?: string | null }; reply: JsonValue };
  move_itinerary_item: { args: { itemId: number; toDate: string }; reply: JsonValue };
  delegation_next_steps: { args: { delegationId: number }; reply: Array<NextStep> };
  delegation_transition: { args: { delegationId: number; transition: Transition }; reply: JsonValue };
  counsellor_load: { args: { counsellorId: number }; reply: CounsellorLoad };
  export_itinerary_ics: { args: { delegationId: number; memberId?: number | null; path?: string | null }; reply: ExportedFile };
  print_itinerary: { args: { delegationId: number; options: PrintOptions; path?: string | null }; reply: ExportedFile };
  open_itinerary_pdf: { args: { path: string }; reply: null };
  find_duplicates: { args: Record<string, never>; reply: Array<DuplicatePair> };
  merge_contacts: { args: { keepId: number; otherId: number }; reply: JsonValue };
  person_export: { args: { contactId: number; path: string }; reply: ExportedFile };
  person_erase: { args: { contactId: number }; reply: EraseReport };
  import_preview: { args: { path: string; format?: ImportFormat | null; mapping?: Array<ColumnMap> | null }; reply: ImportReport };
  import_contacts: { args: { request: ImportRequest }; reply: ImportReport };
  undo_import: { args: { importId: number }; reply: UndoReport };
  list_imports: { args: Record<string, never>; reply: Array<ImportBatch> };
  export_contacts: { args: { format: ExportFormat; path: string }; reply: ExportedFile };
  office_view: { args: Record<string, never>; reply: OfficeView };
  save_office: { args: { profile: OfficeProfile }; reply: OfficeView };
  export_office_card: { args: { path?: string | null }; reply: ExportedFile };
  exchange_export: { args: { briefId: number; personalData: boolean; sentTo?: string | null; path?: string | null }; reply: SentBundle };
  exchange_inspect: { args: { path: string }; reply: Inspection };
  exchange_import: { args: { path: string; trust: boolean }; reply: ImportOutcome };
  exchange_inbox: { args: Record<string, never>; reply: Array<ReceivedBrief> };
  exchange_outbox: { args: Record<string, never>; reply: Array<SentBundle> };
  received_detail: { args: { receivedId: number }; reply: ReceivedDetail };
  open_received_pdf: { args: { receivedId: number }; reply: null };
  regenerate_received: { args: { receivedId: number; language: BriefLanguage; path?: string | null }; reply: ExportedFile };
  adopt_preview: { args: { receivedId: number; opportunityUuids?: Array<string> | null }; reply: Array<AdoptPlan> };
  adopt_received: { args: { receivedId: number; opportunityUuids?: Array<string> | null; choices: Array<FieldChoice> }; reply: AdoptReport };
  trusted_offices: { args: Record<string, never>; reply: Array<TrustedOffice> };
  inspect_office_card: { args: { path: string }; reply: OfficeCardView };
  trust_office: { args: { fingerprint: string; cardPath?: string | null; name?: string | null }; reply: TrustedOffice };
  rename_office: { args: { keyId: number; name: string }; reply: TrustedOffice };
  revoke_office: { args: { keyId: number }; reply: TrustedOffice };
  launch_bundle: { args: Record<string, never>; reply: string | null };
  backup_status: { args: Record<string, never>; reply: BackupStatus };
  list_backups: { args: Record<string, never>; reply: Array<BackupFile> };
  verify_backup: { args: { path: string }; reply: Verified };
  backup_now: { args: Record<string, never>; reply: BackupFile };
  set_backup_folders: { args: { folder?: string | null; second?: string | null }; reply: BackupStatus };
  restore_backup: { args: { path: string }; reply: RestoreReport };
  backups_holding_erased: { args: { contactId: number }; reply: ErasedInBackups };
  thin_backups_after_erase: { args: { contactId: number }; reply: ThinnedBackups };
  store_health: { args: Record<string, never>; reply: StoreHealth };
  first_run_state: { args: Record<string, never>; reply: FirstRunState };
  complete_first_run: { args: { choices: FirstRunChoices }; reply: FirstRunDone };
}

/** The name of a command. */
export type Command = keyof Commands;
