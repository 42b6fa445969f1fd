//! The languages of the public pages: what a survivor can read Waymark in, and what an organisation can
//! give its data-sharing policy in. The web layer keeps the words (`content/locales/<code>/`); this is
//! the one list of codes, in the order the language picker shows them.

/// The public pages' languages: English first, then by their English names.
pub const LANGUAGES: [&str; 7] = ["en", "sq", "ar", "fa", "ro", "ti", "vi"];
