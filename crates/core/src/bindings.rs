//! TypeScript declarations of every type that crosses the IPC boundary, generated from Rust.
//! `ui/src/lib/bindings.gen.ts` is checked in; a test fails when it is stale
//! (`UPDATE_BINDINGS=1 cargo test -p planner-core bindings` rewrites it).

use crate::about::AppInfo;
use crate::domain::*;
use crate::error::{ChangedElsewhere, ErrorPayload};
use crate::settings::{Settings, UiLanguage};
use crate::store::{
    audit::AuditEntry, Dashboard, Filter, FilterOp, FollowUp, ListQuery, Meta, Page, StageTotal,
    UpcomingDelegation,
};
use crate::validate::FieldError;
use ts_rs::{Config, TS};

fn decl<T: TS>(cfg: &Config, out: &mut String) {
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push_str("\n\n");
}

/// The whole generated TypeScript file.
pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from Rust by planner-core (src/bindings.rs). Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` after changing a type.\n\n",
    );
    out.push_str(
        "/** Any JSON value (audit changes carry the fields' before/after values). */\n\
         export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]?: JsonValue } | null;\n\n",
    );
    decl::<EntityKind>(&cfg, &mut out);
    decl::<FieldError>(&cfg, &mut out);
    decl::<crate::links::LinkKind>(&cfg, &mut out);
    decl::<ChangedElsewhere>(&cfg, &mut out);
    decl::<ErrorPayload>(&cfg, &mut out);
    decl::<Meta>(&cfg, &mut out);
    decl::<FilterOp>(&cfg, &mut out);
    decl::<Filter>(&cfg, &mut out);
    decl::<ListQuery>(&cfg, &mut out);
    decl::<Page<()>>(&cfg, &mut out);
    decl::<Labelled>(&cfg, &mut out);
    decl::<Office>(&cfg, &mut out);
    decl::<Counsellor>(&cfg, &mut out);
    decl::<OrganizationKind>(&cfg, &mut out);
    decl::<OrganizationSize>(&cfg, &mut out);
    decl::<Organization>(&cfg, &mut out);
    decl::<ConsentBasis>(&cfg, &mut out);
    decl::<Contact>(&cfg, &mut out);
    decl::<DelegationKind>(&cfg, &mut out);
    decl::<DelegationStatus>(&cfg, &mut out);
    decl::<Delegation>(&cfg, &mut out);
    decl::<MemberRole>(&cfg, &mut out);
    decl::<VisaStatus>(&cfg, &mut out);
    decl::<Member>(&cfg, &mut out);
    decl::<ItineraryKind>(&cfg, &mut out);
    decl::<ItineraryItem>(&cfg, &mut out);
    decl::<InteractionKind>(&cfg, &mut out);
    decl::<Interaction>(&cfg, &mut out);
    decl::<LeadStage>(&cfg, &mut out);
    decl::<Lead>(&cfg, &mut out);
    decl::<OpportunityKind>(&cfg, &mut out);
    decl::<OpportunityStatus>(&cfg, &mut out);
    decl::<KeyFigure>(&cfg, &mut out);
    decl::<Opportunity>(&cfg, &mut out);
    decl::<BriefLanguage>(&cfg, &mut out);
    decl::<AudienceKind>(&cfg, &mut out);
    decl::<BilingualLayout>(&cfg, &mut out);
    decl::<Paper>(&cfg, &mut out);
    decl::<Brief>(&cfg, &mut out);
    decl::<crate::labels::Bilingual>(&cfg, &mut out);
    decl::<crate::labels::Sector>(&cfg, &mut out);
    decl::<crate::briefs::BriefBlock>(&cfg, &mut out);
    decl::<crate::briefs::BriefModel>(&cfg, &mut out);
    decl::<crate::briefs::Audience>(&cfg, &mut out);
    decl::<crate::briefs::BriefSection>(&cfg, &mut out);
    decl::<crate::briefs::BriefRequest>(&cfg, &mut out);
    decl::<crate::briefs::OpportunitySuggestion>(&cfg, &mut out);
    decl::<crate::briefs::GeneratedBrief>(&cfg, &mut out);
    decl::<crate::store::OpportunityImage>(&cfg, &mut out);
    decl::<UpcomingDelegation>(&cfg, &mut out);
    decl::<FollowUp>(&cfg, &mut out);
    decl::<StageTotal>(&cfg, &mut out);
    decl::<Dashboard>(&cfg, &mut out);
    {
        use crate::store::{
            LeadTotal, PipelineFilter, PipelineSector, PipelineStage, PipelineTotals,
        };
        decl::<PipelineFilter>(&cfg, &mut out);
        decl::<LeadTotal>(&cfg, &mut out);
        decl::<PipelineStage>(&cfg, &mut out);
        decl::<PipelineSector>(&cfg, &mut out);
        decl::<PipelineTotals>(&cfg, &mut out);
    }
    decl::<AuditEntry>(&cfg, &mut out);
    decl::<UiLanguage>(&cfg, &mut out);
    decl::<Settings>(&cfg, &mut out);
    decl::<AppInfo>(&cfg, &mut out);
    {
        use crate::itinerary::*;
        use crate::store::{CounsellorLoad, LoadDelegation, LoadMeeting};
        decl::<PlanMember>(&cfg, &mut out);
        decl::<PlanCounsellor>(&cfg, &mut out);
        decl::<Severity>(&cfg, &mut out);
        decl::<ConflictKind>(&cfg, &mut out);
        decl::<Conflict>(&cfg, &mut out);
        decl::<ItemRecord>(&cfg, &mut out);
        decl::<ItemView>(&cfg, &mut out);
        decl::<DayView>(&cfg, &mut out);
        decl::<MemberWarning>(&cfg, &mut out);
        decl::<ItineraryView>(&cfg, &mut out);
        decl::<ItemEntry>(&cfg, &mut out);
        decl::<crate::itinerary::QuickAddRequest>(&cfg, &mut out);
        decl::<crate::itinerary::QuickAdded>(&cfg, &mut out);
        decl::<Transition>(&cfg, &mut out);
        decl::<NextStep>(&cfg, &mut out);
        decl::<crate::files::ExportedFile>(&cfg, &mut out);
        decl::<to_pdf::PrintOptions>(&cfg, &mut out);
        decl::<LoadDelegation>(&cfg, &mut out);
        decl::<LoadMeeting>(&cfg, &mut out);
        decl::<CounsellorLoad>(&cfg, &mut out);
    }
    {
        use crate::store::{LinkReason, Linked, LinkedBrief, LinkedDelegation, LinkedMeeting};
        decl::<LinkReason>(&cfg, &mut out);
        decl::<LinkedDelegation>(&cfg, &mut out);
        decl::<LinkedMeeting>(&cfg, &mut out);
        decl::<LinkedBrief>(&cfg, &mut out);
        decl::<Linked>(&cfg, &mut out);
    }
    decl::<crate::search::SearchHit>(&cfg, &mut out);
    decl::<crate::search::SearchGroup>(&cfg, &mut out);
    decl::<crate::search::SearchParent>(&cfg, &mut out);
    decl::<crate::search::SearchResults>(&cfg, &mut out);
    decl::<crate::people::MatchReason>(&cfg, &mut out);
    decl::<crate::people::DuplicatePair>(&cfg, &mut out);
    decl::<crate::people::EraseReport>(&cfg, &mut out);
    {
        use crate::contacts_io::import::*;
        use crate::contacts_io::*;
        decl::<ImportFormat>(&cfg, &mut out);
        decl::<Target>(&cfg, &mut out);
        decl::<ColumnMap>(&cfg, &mut out);
        decl::<ImportedContact>(&cfg, &mut out);
        decl::<RowError>(&cfg, &mut out);
        decl::<DuplicateReason>(&cfg, &mut out);
        decl::<SkippedDuplicate>(&cfg, &mut out);
        decl::<ImportReport>(&cfg, &mut out);
        decl::<crate::contacts_io::ImportRequest>(&cfg, &mut out);
        decl::<UndoReport>(&cfg, &mut out);
        decl::<ExportFormat>(&cfg, &mut out);
        decl::<crate::store::ImportBatch>(&cfg, &mut out);
    }
    {
        use crate::exchange::views::*;
        decl::<OfficeProfile>(&cfg, &mut out);
        decl::<OfficeKeyPlace>(&cfg, &mut out);
        decl::<OfficeView>(&cfg, &mut out);
        decl::<SentBundle>(&cfg, &mut out);
        decl::<TrustState>(&cfg, &mut out);
        decl::<ImportStatus>(&cfg, &mut out);
        decl::<BundleMember>(&cfg, &mut out);
        decl::<Signer>(&cfg, &mut out);
        decl::<Inspection>(&cfg, &mut out);
        decl::<ImportOutcome>(&cfg, &mut out);
        decl::<ReceivedBrief>(&cfg, &mut out);
        decl::<AdoptState>(&cfg, &mut out);
        decl::<ReceivedImage>(&cfg, &mut out);
        decl::<ReceivedOpportunity>(&cfg, &mut out);
        decl::<ReceivedDetail>(&cfg, &mut out);
        decl::<FieldDiff>(&cfg, &mut out);
        decl::<AdoptPlan>(&cfg, &mut out);
        decl::<Side>(&cfg, &mut out);
        decl::<FieldChoice>(&cfg, &mut out);
        decl::<AdoptReport>(&cfg, &mut out);
        decl::<TrustedOffice>(&cfg, &mut out);
        decl::<OfficeCardView>(&cfg, &mut out);
    }
    {
        use crate::backup::*;
        decl::<BackupFile>(&cfg, &mut out);
        decl::<Verified>(&cfg, &mut out);
        decl::<RestoreReport>(&cfg, &mut out);
        decl::<IdleFailure>(&cfg, &mut out);
        decl::<CountedKind>(&cfg, &mut out);
        decl::<BackupStatus>(&cfg, &mut out);
        decl::<ErasedInBackups>(&cfg, &mut out);
        decl::<ThinnedBackups>(&cfg, &mut out);
    }
    {
        use crate::doctor::*;
        decl::<crate::store::ReadOnlyReason>(&cfg, &mut out);
        decl::<HealthFinding>(&cfg, &mut out);
        decl::<StoreHealth>(&cfg, &mut out);
    }
    {
        use crate::first_run::*;
        decl::<StartWith>(&cfg, &mut out);
        decl::<FirstRunChoices>(&cfg, &mut out);
        decl::<FirstRunState>(&cfg, &mut out);
        decl::<FirstRunDone>(&cfg, &mut out);
    }
    out.push_str("/** A stored record: its metadata and its fields. */\nexport type Stored<T> = Meta & T;\n\n");
    out.push_str("/** The record type of each entity kind. */\nexport type EntityMap = {\n");
    for kind in EntityKind::ALL {
        let ty = crate::with_entity!(kind, E => <E as TS>::name(&cfg));
        out.push_str(&format!("  \"{}\": {ty};\n", kind.name()));
    }
    out.push_str("};\n");
    out
}
