// Generated from Rust by planner-core (src/commands/). Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` after changing a command.

import type {
  AppInfo,
  Audience,
  AuditEntry,
  BriefModel,
  BriefRequest,
  ColumnMap,
  CounsellorLoad,
  Dashboard,
  DuplicatePair,
  EntityKind,
  EraseReport,
  ExportFormat,
  ExportedFile,
  GeneratedBrief,
  ImportBatch,
  ImportFormat,
  ImportReport,
  ImportRequest,
  ItemEntry,
  ItineraryView,
  JsonValue,
  Linked,
  ListQuery,
  NextStep,
  OpportunityImage,
  OpportunitySuggestion,
  Page,
  PipelineFilter,
  PipelineTotals,
  PrintOptions,
  QuickAddRequest,
  QuickAdded,
  SearchResults,
  Sector,
  Settings,
  Transition,
  UndoReport,
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
  delete_record: { args: { kind: EntityKind; id: number }; reply: null };
  record_audit: { args: { kind: EntityKind; id: number }; reply: Array<AuditEntry> };
  linked_records: { args: { kind: EntityKind; id: number }; reply: Linked };
  search: { args: { query: string; perKind?: number | null }; reply: SearchResults };
  list_sectors: { args: Record<string, never>; reply: Array<Sector> };
  add_sector: { args: { nameVi: string; nameEn: string }; reply: Sector };
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
}

/** The name of a command. */
export type Command = keyof Commands;
