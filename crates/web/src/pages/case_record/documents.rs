//! Documents on a case: upload (multipart, checked by content and size) and download.

use super::*;

// ---- documents ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/document.html")]
struct DocumentPage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) errors: Errors,
}

pub(crate) async fn document_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::UploadDocument)
        .await?;
    render(&DocumentPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
    })
}

pub async fn document_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    document_page(&app, &session, &id, vec![]).await
}

/// An uploaded file and the form's other fields.
pub(crate) struct Upload {
    pub csrf: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What went wrong reading an upload.
pub(crate) enum UploadProblem {
    /// No `file` field.
    NoFile,
    /// The body is larger than the request limit.
    TooLarge,
    /// Not a well-formed `multipart/form-data` body.
    Malformed(String),
}

/// The largest upload request accepted: a document of the most bytes allowed and room for the form.
pub(crate) const UPLOAD_BODY_LIMIT: usize = MAX_DOCUMENT_BYTES + 64 * 1024;

/// Reads a `multipart/form-data` body: a `csrf` field (pages) and a `file` field. Reading the file stops
/// one byte past the largest document allowed, so a large upload is refused without being kept.
pub(crate) async fn read_upload(mut form: Multipart) -> Result<Upload, UploadProblem> {
    let problem = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            UploadProblem::TooLarge
        } else {
            UploadProblem::Malformed(e.body_text())
        }
    };
    let mut csrf = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(mut field) = form.next_field().await.map_err(problem)? {
        match field.name() {
            Some("csrf") => csrf = field.text().await.map_err(problem)?,
            Some("file") => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(problem)? {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > MAX_DOCUMENT_BYTES {
                        return Err(UploadProblem::TooLarge);
                    }
                }
                file = Some((name, bytes));
            }
            _ => {}
        }
    }
    let (file_name, bytes) = file.ok_or(UploadProblem::NoFile)?;
    Ok(Upload {
        csrf,
        file_name,
        bytes,
    })
}

pub async fn upload_document(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    let refuse = |e: DocumentError| (document_status(&e), vec![("file", e.to_string())]);
    let problem = match form {
        Ok(form) => match read_upload(form).await {
            Ok(upload) => {
                session.check_csrf(&upload.csrf)?;
                match app
                    .upload_document(session.account(), &id, upload.file_name, upload.bytes)
                    .await
                {
                    Ok(_) => return Ok(back_to(&id, "document")),
                    Err(e) => form_problem(e, "file")?,
                }
            }
            Err(UploadProblem::TooLarge) => refuse(DocumentError::TooLarge),
            Err(UploadProblem::NoFile) => refuse(DocumentError::Empty),
            Err(UploadProblem::Malformed(_)) => (
                StatusCode::BAD_REQUEST,
                vec![("file", "The upload did not arrive whole: try again".into())],
            ),
        },
        Err(_) => (
            StatusCode::BAD_REQUEST,
            vec![("file", "Choose a file to upload".into())],
        ),
    };
    // Without a valid form the CSRF token could not be read: the page is shown again, and nothing saved.
    let (status, errors) = problem;
    Ok(with_status(
        status,
        document_page(&app, &session, &id, errors).await?,
    ))
}

/// A document as a download: `attachment` with a neutral name, its one safe content type, never cached.
pub(crate) fn download_response(d: Download) -> Response {
    let mut r = Response::new(Body::from(d.bytes));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(d.kind.content_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", d.file_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    r
}

pub async fn download_document(
    State(app): State<App>,
    session: Signed,
    Path((id, document)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    let document = DocumentId::parse(&document).map_err(|_| WebError::App(AppError::NotFound))?;
    Ok(download_response(
        app.download_document(session.account(), &id, &document)
            .await?,
    ))
}
