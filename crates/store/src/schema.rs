//! The one schema both backends share (kept equal to both migration sets by the schema-parity test).

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    organisations (id) {
        id -> Text,
        name -> Text,
        kind -> Text,
        nation -> Nullable<Text>,
        area -> Nullable<Text>,
        needs -> Text,
        data_sharing_policy -> Text,
        created_at -> Timestamp,
        first_responder -> Bool,
        retention_days -> Integer,
        requires_training -> Bool,
    }
}

diesel::table! {
    help_drafts (id) {
        id -> Text,
        wrapped_key -> Binary,
        master_key_id -> Text,
        answers_ct -> Binary,
        codename_ct -> Nullable<Binary>,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    organisation_policies (org_id, lang) {
        org_id -> Text,
        lang -> Text,
        policy -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        org_id -> Text,
        email -> Text,
        display_name -> Text,
        role -> Text,
        password_hash -> Text,
        failed_logins -> Integer,
        locked_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        totp_secret_ct -> Nullable<Binary>,
        totp_enrolled_at -> Nullable<Timestamp>,
        totp_last_step -> Nullable<BigInt>,
    }
}

diesel::table! {
    recovery_codes (user_id, digest) {
        user_id -> Text,
        digest -> Binary,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    pending_sign_ins (id_hash) {
        id_hash -> Text,
        user_id -> Text,
        stage -> Text,
        csrf_token -> Text,
        totp_secret_ct -> Nullable<Binary>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        id -> Text,
        user_id -> Text,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        last_seen_at -> Timestamp,
        device -> Text,
    }
}

diesel::table! {
    api_tokens (token_hash) {
        token_hash -> Text,
        user_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    persons (id) {
        id -> Text,
        wrapped_key -> Nullable<Binary>,
        master_key_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    referrals (id) {
        id -> Text,
        person_id -> Text,
        to_org_id -> Text,
        from_org_id -> Nullable<Text>,
        from_user_id -> Nullable<Text>,
        status -> Text,
        age_band -> Text,
        nation -> Text,
        area -> Nullable<Text>,
        needs -> Text,
        indicators -> Text,
        first_contact -> Text,
        basis -> Text,
        policy_digest -> Nullable<Text>,
        name_ct -> Binary,
        contact_ct -> Binary,
        language_ct -> Binary,
        children_services_ct -> Nullable<Binary>,
        decline_reason_ct -> Nullable<Binary>,
        created_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
        answered_by -> Nullable<Text>,
        urgency -> Nullable<Text>,
        message_ct -> Nullable<Binary>,
    }
}

diesel::table! {
    cases (id) {
        id -> Text,
        org_id -> Text,
        referral_id -> Text,
        person_id -> Text,
        status -> Text,
        opened_at -> Timestamp,
        opened_by -> Text,
        reference -> Text,
        assigned_to -> Nullable<Text>,
        closed_at -> Nullable<Timestamp>,
        closed_by -> Nullable<Text>,
        move_on_plan_ct -> Nullable<Binary>,
        erased_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    case_reference_counters (org_id, opened_year) {
        org_id -> Text,
        opened_year -> Integer,
        last_number -> Integer,
    }
}

diesel::table! {
    case_persons (case_id) {
        case_id -> Text,
        person_ct -> Binary,
        updated_at -> Timestamp,
        updated_by -> Text,
    }
}

diesel::table! {
    case_needs (case_id, need) {
        case_id -> Text,
        need -> Text,
        urgency -> Text,
    }
}

diesel::table! {
    case_needs_assessments (case_id) {
        case_id -> Text,
        note_ct -> Nullable<Binary>,
        assessed_at -> Timestamp,
        assessed_by -> Text,
    }
}

diesel::table! {
    case_plan_actions (id) {
        id -> Text,
        case_id -> Text,
        title_ct -> Binary,
        owner_id -> Text,
        due_on -> Date,
        status -> Text,
        created_at -> Timestamp,
        created_by -> Text,
        done_at -> Nullable<Timestamp>,
        done_by -> Nullable<Text>,
        kind -> Text,
    }
}

diesel::table! {
    case_notes (id) {
        id -> Text,
        case_id -> Text,
        author_id -> Text,
        body_ct -> Binary,
        created_at -> Timestamp,
    }
}

diesel::table! {
    case_documents (id) {
        id -> Text,
        case_id -> Text,
        kind -> Text,
        size_bytes -> BigInt,
        filename_ct -> Binary,
        content_ct -> Binary,
        uploaded_at -> Timestamp,
        uploaded_by -> Text,
    }
}

diesel::table! {
    case_history (id) {
        id -> Text,
        case_id -> Text,
        exploitation_type -> Text,
        place -> Text,
        started_on -> Nullable<Date>,
        ended_on -> Nullable<Date>,
        note_ct -> Nullable<Binary>,
        recorded_at -> Timestamp,
        recorded_by -> Text,
    }
}

diesel::table! {
    case_risk_assessments (id) {
        id -> Text,
        case_id -> Text,
        level -> Text,
        reasons_ct -> Binary,
        assessed_at -> Timestamp,
        assessed_by -> Text,
    }
}

diesel::table! {
    case_index (case_id, kind, digest) {
        case_id -> Text,
        org_id -> Text,
        kind -> Text,
        digest -> Binary,
    }
}

diesel::table! {
    case_access_grants (case_id, user_id) {
        case_id -> Text,
        user_id -> Text,
        granted_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    channels (id) {
        id -> Text,
        referral_id -> Text,
        person_id -> Text,
        codename_digest -> Nullable<Binary>,
        created_at -> Timestamp,
        erased_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    messages (id) {
        id -> Text,
        channel_id -> Text,
        sender -> Text,
        author_user_id -> Nullable<Text>,
        body_ct -> Binary,
        created_at -> Timestamp,
        notice -> Bool,
    }
}

diesel::table! {
    case_consents (id) {
        id -> Text,
        case_id -> Text,
        scopes -> Text,
        recipient_org_id -> Text,
        purpose_ct -> Binary,
        basis -> Text,
        method -> Text,
        given_on -> Date,
        recorded_at -> Timestamp,
        recorded_by -> Text,
        withdrawn_at -> Nullable<Timestamp>,
        withdrawn_by -> Nullable<Text>,
    }
}

diesel::table! {
    onward_referrals (referral_id) {
        referral_id -> Text,
        case_id -> Text,
        consent_id -> Text,
        scopes -> Text,
        package_ct -> Nullable<Binary>,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    audit_log (seq) {
        seq -> BigInt,
        at -> Timestamp,
        actor -> Text,
        org_id -> Nullable<Text>,
        action -> Text,
        record_type -> Text,
        record_id -> Text,
        reason -> Text,
        prev_hash -> Binary,
        hash -> Binary,
    }
}

diesel::table! {
    anonymous_notifications (id) {
        id -> Text,
        org_id -> Text,
        created_by -> Text,
        age_band -> Text,
        nationality -> Text,
        exploitation_types -> Text,
        nation -> Text,
        area -> Nullable<Text>,
        indicators -> Text,
        encountered_in -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    formal_referrals (id) {
        id -> Text,
        case_id -> Text,
        from_org_id -> Text,
        decision_body_id -> Text,
        person_id -> Text,
        consent_id -> Nullable<Text>,
        basis -> Text,
        nation -> Text,
        package_ct -> Binary,
        status -> Text,
        referred_on -> Date,
        reasonable_grounds_due -> Date,
        rg_outcome -> Nullable<Text>,
        rg_reasons_ct -> Nullable<Binary>,
        rg_decided_on -> Nullable<Date>,
        rg_decided_by -> Nullable<Text>,
        rg_reviewed_by -> Nullable<Text>,
        recovery_period_ends -> Nullable<Date>,
        conclusive_earliest -> Nullable<Date>,
        cg_outcome -> Nullable<Text>,
        cg_reasons_ct -> Nullable<Binary>,
        cg_decided_on -> Nullable<Date>,
        cg_decided_by -> Nullable<Text>,
        created_at -> Timestamp,
        created_by -> Text,
        updated_at -> Timestamp,
        exploitation_types -> Text,
    }
}

diesel::table! {
    formal_requests (id) {
        id -> Text,
        formal_referral_id -> Text,
        kind -> Text,
        text_ct -> Binary,
        asked_by -> Text,
        asked_at -> Timestamp,
        reply_by -> Nullable<Date>,
        reply_ct -> Nullable<Binary>,
        replied_by -> Nullable<Text>,
        replied_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    decision_notices (id) {
        id -> Text,
        formal_referral_id -> Text,
        kind -> Text,
        decided_on -> Date,
        confirmed_on -> Nullable<Date>,
        recovery_period_ends -> Nullable<Date>,
        conclusive_earliest -> Nullable<Date>,
        reasons_ct -> Nullable<Binary>,
        task_id -> Nullable<Text>,
        person_told -> Bool,
        created_at -> Timestamp,
        created_by -> Text,
    }
}

diesel::table! {
    training_progress (user_id, course_id, module_id) {
        user_id -> Text,
        course_id -> Text,
        module_id -> Text,
        read_at -> Timestamp,
    }
}

diesel::table! {
    signing_keys (id) {
        id -> Text,
        purpose -> Text,
        public_key -> Binary,
        wrapped_key -> Binary,
        master_key_id -> Text,
        created_at -> Timestamp,
        retired_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    training_attempts (id) {
        id -> Text,
        user_id -> Text,
        course_id -> Text,
        course_version -> Integer,
        answers -> Text,
        correct -> Integer,
        total -> Integer,
        passed -> Bool,
        attempted_at -> Timestamp,
    }
}

diesel::table! {
    certificates (code) {
        code -> Text,
        user_id -> Text,
        key_id -> Text,
        course_id -> Text,
        course_version -> Integer,
        nation -> Text,
        holder_name -> Text,
        issued_on -> Date,
        expires_on -> Date,
        token -> Text,
        revoked_at -> Nullable<Timestamp>,
        revoked_by -> Nullable<Text>,
        revoke_reason -> Nullable<Text>,
    }
}

diesel::table! {
    erasure_notices (org_id, record_type, record_id) {
        org_id -> Text,
        record_type -> Text,
        record_id -> Text,
        erasure -> Text,
        kept -> Bool,
        at -> Timestamp,
    }
}

diesel::table! {
    case_glass_reasons (id) {
        id -> Text,
        case_id -> Text,
        user_id -> Text,
        at -> Timestamp,
        reason_ct -> Binary,
    }
}

diesel::joinable!(users -> organisations (org_id));
diesel::joinable!(organisation_policies -> organisations (org_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(pending_sign_ins -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(cases -> referrals (referral_id));
diesel::joinable!(channels -> referrals (referral_id));
diesel::joinable!(messages -> channels (channel_id));
diesel::joinable!(case_plan_actions -> cases (case_id));
diesel::joinable!(case_index -> cases (case_id));
diesel::joinable!(case_access_grants -> cases (case_id));
diesel::joinable!(decision_notices -> formal_referrals (formal_referral_id));
diesel::joinable!(certificates -> users (user_id));
diesel::joinable!(certificates -> signing_keys (key_id));
diesel::joinable!(case_glass_reasons -> cases (case_id));

diesel::allow_tables_to_appear_in_same_query!(
    erasure_notices,
    help_drafts,
    case_glass_reasons,
    settings,
    organisations,
    organisation_policies,
    users,
    sessions,
    recovery_codes,
    pending_sign_ins,
    api_tokens,
    persons,
    referrals,
    cases,
    channels,
    messages,
    audit_log,
    case_reference_counters,
    case_persons,
    case_needs,
    case_needs_assessments,
    case_plan_actions,
    case_notes,
    case_documents,
    case_history,
    case_risk_assessments,
    case_index,
    case_access_grants,
    anonymous_notifications,
    case_consents,
    onward_referrals,
    formal_referrals,
    formal_requests,
    decision_notices,
    training_progress,
    training_attempts,
    signing_keys,
    certificates
);
