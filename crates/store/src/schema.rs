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
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> Text,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
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

diesel::joinable!(users -> organisations (org_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(cases -> referrals (referral_id));
diesel::joinable!(channels -> referrals (referral_id));
diesel::joinable!(messages -> channels (channel_id));

diesel::allow_tables_to_appear_in_same_query!(
    settings,
    organisations,
    users,
    sessions,
    api_tokens,
    persons,
    referrals,
    cases,
    channels,
    messages,
    audit_log
);
