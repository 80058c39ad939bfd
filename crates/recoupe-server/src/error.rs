//! Errors answered to a client: a status, a code, the parameter concerned and the reason.
//! The API writes them as JSON, the pages as an error page. A store failure is logged in
//! full and answered with a short reason (no file paths to a client).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use recoupe_app::AppError;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub parameter: Option<String>,
    pub reason: String,
}

/// `{"error": {…}}`, the body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status, repeated.
    pub status: u16,
    /// `bad_parameter`, `not_found`, `forbidden`, `unauthorized`, `unavailable`, `internal`.
    pub code: String,
    /// The query or path parameter at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    pub reason: String,
}

impl ApiError {
    pub fn bad_parameter(parameter: &str, reason: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: "bad_parameter",
            parameter: Some(parameter.to_string()),
            reason: reason.into(),
        }
    }

    pub fn not_found(parameter: &str, reason: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            parameter: Some(parameter.to_string()),
            reason: reason.into(),
        }
    }

    pub fn no_route(path: &str) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            parameter: None,
            reason: format!("no page or endpoint at {path}"),
        }
    }

    pub fn forbidden(reason: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::FORBIDDEN,
            code: "forbidden",
            parameter: None,
            reason: reason.into(),
        }
    }

    pub fn unauthorized() -> ApiError {
        ApiError {
            status: StatusCode::UNAUTHORIZED,
            code: "unauthorized",
            parameter: None,
            reason: "this server needs its access token: send `Authorization: Bearer TOKEN`, \
                     or open any page once with `?token=TOKEN`"
                .into(),
        }
    }

    pub fn unavailable(reason: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "unavailable",
            parameter: None,
            reason: reason.into(),
        }
    }

    pub fn internal(reason: impl Into<String>) -> ApiError {
        let reason = reason.into();
        tracing::error!(%reason, "internal error");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            parameter: None,
            reason: "the server could not answer; its log says why".into(),
        }
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                status: self.status.as_u16(),
                code: self.code.to_string(),
                parameter: self.parameter.clone(),
                reason: self.reason.clone(),
            },
        }
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> ApiError {
        if let AppError::Store(store) = &error {
            if let recoupe_store::StoreError::AmbiguousId { .. } = store.as_ref() {
                return ApiError::bad_parameter("id", store.to_string());
            }
        }
        ApiError::internal(format!("{error}: {}", source_chain(&error)))
    }
}

impl From<recoupe_store::StoreError> for ApiError {
    fn from(error: recoupe_store::StoreError) -> ApiError {
        ApiError::from(AppError::from(error))
    }
}

fn source_chain(error: &dyn std::error::Error) -> String {
    let mut chain = Vec::new();
    let mut source = error.source();
    while let Some(e) = source {
        chain.push(e.to_string());
        source = e.source();
    }
    chain.join(": ")
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}
